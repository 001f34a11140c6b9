-- Which MessageAccepted record made a message's first routing decision (its partition and offset).
-- A record consumed again after an aborted Kafka transaction is the same record: it is routed
-- again. Another record of the same message (the API's outbox relay sends a row again when it
-- could not delete it after Kafka acknowledged it) is a duplicate: it is not dispatched twice.
alter table router.routing_decision add column source_partition integer;
alter table router.routing_decision add column source_offset bigint;
