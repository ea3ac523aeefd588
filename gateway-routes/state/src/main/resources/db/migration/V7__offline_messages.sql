-- Offline messages: what customers wrote while no agent was on duty and the knowledge base had no answer,
-- open until a manager resolves them. Portable SQL (H2, PostgreSQL).

CREATE TABLE offline_messages (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(64)              NOT NULL,
    customer_id     VARCHAR(64)              NOT NULL,
    from_address    VARCHAR(300)             NOT NULL,
    channel         VARCHAR(32)              NOT NULL,
    body            VARCHAR(16000)           NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    resolved_by     VARCHAR(32),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    note            VARCHAR(1000)
);

CREATE INDEX offline_messages_status ON offline_messages (status, received_at);
