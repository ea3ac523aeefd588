-- Suggested answers: each time an agent inserted a knowledge-base article into his reply to a conversation, once per
-- agent, conversation and article (a double click or a second insert of the same article counts once). The desk ranks
-- suggestions by how often each article was chosen (suggestion_choices_article). Portable SQL (H2, PostgreSQL).

CREATE TABLE suggestion_choices (
    -- the knowledge base's article id (the articles themselves live in a JSON file, not in the database)
    article_id      VARCHAR(100)             NOT NULL,
    conversation_id VARCHAR(64)              NOT NULL,
    agent           VARCHAR(32)              NOT NULL,
    chosen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, agent, article_id)
);

CREATE INDEX suggestion_choices_article ON suggestion_choices (article_id);
