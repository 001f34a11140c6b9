-- Tenants' webhook signing secrets (seeded from sms.webhook.signing-secrets, rotated at run time).
create table tenant_secret (
	tenant_id varchar(200) primary key,
	secret varchar(500) not null,
	created_at timestamptz not null,
	updated_at timestamptz not null
);

-- One row per callback event: makes delivery idempotent and shows attempts to operators.
create table delivery_log (
	event_id uuid primary key,
	message_id uuid not null,
	tenant_id varchar(200) not null,
	event_type varchar(50) not null,
	url varchar(2048) not null,
	state varchar(16) not null,
	attempts integer not null default 0,
	last_status integer,
	last_error varchar(1000),
	first_attempt_at timestamptz,
	last_attempt_at timestamptz,
	delivered_at timestamptz,
	created_at timestamptz not null
);

create index delivery_log_message_idx on delivery_log (message_id);
create index delivery_log_failed_idx on delivery_log (created_at) where state = 'FAILED';
