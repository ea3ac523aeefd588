-- Routing rules of the agent desk (issue 19 point 7): the ordered rules managers keep for new conversations, one row
-- each, the first to try at rule_order 1; conditions and actions as JSON objects (see RoutingRuleMapStore). And on
-- each assignment, the rule that routed it with its priority and tags. Portable SQL (H2, PostgreSQL).

CREATE TABLE routing_rules (
    rule_order      INTEGER                  NOT NULL PRIMARY KEY,
    name            VARCHAR(100)             NOT NULL,
    enabled         BOOLEAN                  NOT NULL,
    conditions_json VARCHAR(100000)          NOT NULL,
    actions_json    VARCHAR(10000)           NOT NULL
);

ALTER TABLE assignments ADD COLUMN routing_rule VARCHAR(100);
ALTER TABLE assignments ADD COLUMN priority INTEGER DEFAULT 0 NOT NULL;
-- tags separated by spaces (a tag has none)
ALTER TABLE assignments ADD COLUMN tags VARCHAR(1000) DEFAULT '' NOT NULL;
