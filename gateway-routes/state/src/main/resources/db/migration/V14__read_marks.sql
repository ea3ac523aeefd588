-- How far each side has read a thread: the time of the newest message the agents saw, and the customer. A message
-- sent at or before a mark is read. Kept on the header, which every read of the thread has in memory already.
-- Portable SQL (H2, PostgreSQL).

ALTER TABLE conversations ADD COLUMN agents_read_up_to TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN customer_read_up_to TIMESTAMP WITH TIME ZONE;
