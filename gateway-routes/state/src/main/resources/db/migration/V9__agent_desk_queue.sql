-- The agent desk's queue, kept across a full restart: where each conversation stands with the agents (queued,
-- owned, suspended, finished), written when that changes, not at each offer (offers are made afresh after a
-- restart); call backs waiting for an agent; agents marked preferred by customers. Portable SQL (H2, PostgreSQL).

CREATE TABLE assignments (
    conversation_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(64)              NOT NULL,
    stage           VARCHAR(16)              NOT NULL,
    owner           VARCHAR(32),
    owner_name      VARCHAR(100),
    -- agents' user names separated by spaces (a name has none)
    participants    VARCHAR(4000)            NOT NULL,
    invited         VARCHAR(4000)            NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    skill           VARCHAR(64),
    team            VARCHAR(32),
    reserved_for    VARCHAR(32),
    reserved_until  TIMESTAMP WITH TIME ZONE,
    -- handover notes, oldest first, as a JSON array of {from, to, text, at}
    notes_json      VARCHAR(1000000)         NOT NULL,
    wrap_up         VARCHAR(32)
);

CREATE INDEX assignments_stage ON assignments (stage);

CREATE TABLE call_backs (
    conversation_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    phone_number    VARCHAR(16)              NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE preferred_agents (
    customer_id     VARCHAR(64)              NOT NULL PRIMARY KEY,
    username        VARCHAR(32)              NOT NULL,
    marked_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
