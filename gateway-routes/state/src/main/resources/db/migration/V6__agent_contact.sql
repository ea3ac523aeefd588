-- An agent's phone (E.164: where customers' call backs are connected) and email (where notices go).
-- Both optional. Portable SQL (H2, PostgreSQL).

ALTER TABLE agent_accounts ADD COLUMN phone VARCHAR(16);
ALTER TABLE agent_accounts ADD COLUMN email VARCHAR(254);
