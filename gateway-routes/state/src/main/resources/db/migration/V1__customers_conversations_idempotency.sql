-- Customers, the links of their addresses, their conversation threads, and the outcomes of processed
-- interactions by idempotency key. Portable SQL: runs on H2 (the embedded default) and PostgreSQL.

CREATE TABLE customers (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE address_links (
    address_key VARCHAR(300)             NOT NULL PRIMARY KEY,
    customer_id VARCHAR(64)              NOT NULL,
    source      VARCHAR(64)              NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX address_links_by_customer ON address_links (customer_id);

CREATE TABLE conversations (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(64)              NOT NULL,
    opened_from  VARCHAR(300)             NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    context_json VARCHAR(8000)
);

CREATE TABLE messages (
    conversation_id VARCHAR(64)              NOT NULL,
    seq             INTEGER                  NOT NULL,
    id              VARCHAR(64)              NOT NULL,
    channel         VARCHAR(32)              NOT NULL,
    direction       VARCHAR(8)               NOT NULL,
    author          VARCHAR(200)             NOT NULL,
    body            VARCHAR(100000)          NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key VARCHAR(300)             NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE idempotency_keys (
    scoped_key      VARCHAR(700)             NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(64)              NOT NULL,
    reply_json      VARCHAR(100000)          NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
