-- Quick texts of the agent desk: an agent's own (owner = his user name) and shared ones (owner = '*'),
-- each inserted with its shortcut. Portable SQL (H2, PostgreSQL).

CREATE TABLE quick_texts (
    owner      VARCHAR(32)              NOT NULL,
    shortcut   VARCHAR(32)              NOT NULL,
    body       VARCHAR(4000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, shortcut)
);
