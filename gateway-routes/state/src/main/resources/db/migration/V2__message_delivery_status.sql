-- The delivery status of outgoing messages on channels that report it (SMS delivery receipts), and the
-- channel's reason when delivery failed. NULL for messages whose channel tells nothing.

ALTER TABLE messages ADD COLUMN delivery_status VARCHAR(16);
ALTER TABLE messages ADD COLUMN delivery_detail VARCHAR(500);
