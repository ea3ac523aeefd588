-- Customers an agent merged into another: one row per merged customer, removed when the merge is undone.
-- Nothing else moves: each customer keeps his addresses and his thread, so an undo loses nothing.
-- Portable SQL (H2, PostgreSQL).

CREATE TABLE customer_merges (
    merged_customer_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    kept_customer_id   VARCHAR(64)              NOT NULL,
    merged_by          VARCHAR(32)              NOT NULL,
    merged_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
