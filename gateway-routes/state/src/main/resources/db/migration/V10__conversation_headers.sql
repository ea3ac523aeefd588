-- A conversation's header apart from its messages: how many messages it holds, its latest activity, and what the
-- customer wrote on, kept on the header so that adding a message (one row appended) never reads the thread. Each
-- change of a header increments its revision, the order in which the nodes' caches take it. The channels heard are
-- worked out from the messages when a header of an older version is first read (NULL until then).
-- Portable SQL (H2, PostgreSQL).

ALTER TABLE conversations ADD COLUMN message_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE conversations ADD COLUMN last_activity TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN channels_heard VARCHAR(400);
ALTER TABLE conversations ADD COLUMN last_heard VARCHAR(32);
ALTER TABLE conversations ADD COLUMN last_heard_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;

UPDATE conversations SET message_count = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id);
UPDATE conversations SET last_activity = COALESCE(
    (SELECT MAX(m.sent_at) FROM messages m WHERE m.conversation_id = conversations.id), started_at);

-- A message is found by its interaction (retries, one question and one answer each) and by its id (receipts).
CREATE INDEX messages_by_interaction ON messages (conversation_id, idempotency_key, direction);
CREATE INDEX messages_by_id ON messages (conversation_id, id);
CREATE INDEX conversations_by_customer ON conversations (customer_id);
