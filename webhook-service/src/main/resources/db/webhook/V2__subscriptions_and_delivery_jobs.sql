-- Tenants' webhook subscriptions, managed through the API. The signing secret is per subscription;
-- during a rotation the previous secret stays valid (callbacks carry both signatures) until
-- previous_secret_expires_at.
create table subscription (
	id uuid primary key,
	tenant_id varchar(200) not null,
	url varchar(2048) not null,
	event_types varchar(200) not null,
	statuses varchar(200),
	description varchar(500),
	enabled boolean not null,
	secret varchar(200) not null,
	previous_secret varchar(200),
	previous_secret_expires_at timestamptz,
	created_at timestamptz not null,
	updated_at timestamptz not null
);

create index subscription_tenant_idx on subscription (tenant_id, created_at);

-- The delivery log becomes the durable job queue: one row per (event id, target), where the target is
-- a subscription id or 'callback' (the message's own callback URL). Rows pending under the old design
-- are still uncommitted on Kafka (their partition was paused): drop them, the listener writes them again.
delete from delivery_log where state = 'PENDING';
alter table delivery_log drop constraint delivery_log_pkey;
alter table delivery_log add column id bigserial primary key;
alter table delivery_log add column target varchar(64) not null default 'callback';
alter table delivery_log alter column target drop default;
alter table delivery_log add column subscription_id uuid;
alter table delivery_log add column endpoint varchar(300) not null default '';
alter table delivery_log alter column endpoint drop default;
alter table delivery_log add column body bytea;
alter table delivery_log add column source_topic varchar(200);
alter table delivery_log add column source bytea;
alter table delivery_log add column round_started_at timestamptz;
alter table delivery_log add column next_attempt_at timestamptz;
alter table delivery_log add column lease_until timestamptz;
alter table delivery_log add column leased_by varchar(200);

create unique index delivery_log_event_target_idx on delivery_log (event_id, target);
create index delivery_log_due_idx on delivery_log (next_attempt_at) where state = 'PENDING';
create index delivery_log_order_idx on delivery_log (message_id, target, id) where state = 'PENDING';
create index delivery_log_tenant_idx on delivery_log (tenant_id, id);

-- Every HTTP attempt of a delivery, shown by GET /v1/webhooks/deliveries/{eventId}.
create table delivery_attempt (
	id bigserial primary key,
	delivery_id bigint not null references delivery_log (id) on delete cascade,
	attempted_at timestamptz not null,
	status integer,
	error varchar(1000),
	duration_ms bigint not null
);

create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id, id);
