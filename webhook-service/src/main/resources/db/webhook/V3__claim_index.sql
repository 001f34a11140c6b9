-- The dispatcher claims due deliveries in (next_attempt_at, id) order with a LIMIT: an index in that
-- order lets it read only the first rows instead of sorting every due row (replaces the due index).
-- On a large table, create it by hand with "create index concurrently" before deploying: then this is a no-op.
create index if not exists delivery_log_due_order_idx on delivery_log (next_attempt_at, id) where state = 'PENDING';
drop index if exists delivery_log_due_idx;
