-- Satisfaction: the question asked when an agent finishes a conversation, and the customer's answer (a score from 1
-- to 5 and an optional comment), one row per question. Reports count the rated rows per agent and channel over a
-- period (ratings_rated). Portable SQL (H2, PostgreSQL).

CREATE TABLE ratings (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    -- the conversation the agent finished, and the customer's own thread the question went to (the same unless
    -- customers were merged)
    conversation_id VARCHAR(64)              NOT NULL,
    thread_id       VARCHAR(64)              NOT NULL,
    agent           VARCHAR(32)              NOT NULL,
    agent_name      VARCHAR(100)             NOT NULL,
    asked_on        VARCHAR(32)              NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SHA-256 (hex) of the secret in the question's link (the mail channel's rating page)
    link_hash       VARCHAR(64)              NOT NULL,
    -- ASKED, RATED, or WITHDRAWN (a later question of the same thread replaced it unanswered)
    status          VARCHAR(16)              NOT NULL,
    score           INTEGER,
    rating_comment  VARCHAR(1000),
    rated_on        VARCHAR(32),
    rated_at        TIMESTAMP WITH TIME ZONE,
    answer_key      VARCHAR(300),
    CONSTRAINT ratings_score CHECK (score IS NULL OR (score BETWEEN 1 AND 5))
);

CREATE UNIQUE INDEX ratings_link ON ratings (link_hash);
CREATE INDEX ratings_thread ON ratings (thread_id, asked_at);
CREATE INDEX ratings_conversation ON ratings (conversation_id);
CREATE INDEX ratings_agent ON ratings (agent, rated_at);
CREATE INDEX ratings_rated ON ratings (rated_at);
