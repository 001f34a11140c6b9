-- Issue 7: tenant limits, client rotation and disabling, message options, scheduled messages,
-- idempotency keys and daily usage.

ALTER TABLE tenant
	ADD COLUMN rate_per_second integer,
	ADD COLUMN daily_quota     integer,
	ADD COLUMN max_parts       integer;

ALTER TABLE api_client
	ADD COLUMN enabled                    boolean NOT NULL DEFAULT true,
	ADD COLUMN previous_secret_hash       text,
	ADD COLUMN previous_secret_expires_at timestamptz;

ALTER TABLE message
	ADD COLUMN message_type     text NOT NULL DEFAULT 'TRANSACTIONAL',
	ADD COLUMN valid_until      timestamptz,
	ADD COLUMN client_reference text,
	ADD COLUMN send_at          timestamptz;

CREATE INDEX message_tenant_list_idx ON message (tenant_id, accepted_at DESC, id DESC);
CREATE INDEX message_tenant_reference_idx ON message (tenant_id, client_reference) WHERE client_reference IS NOT NULL;

-- Messages waiting for their sendAt; moved to the outbox by the scheduler when due.
CREATE TABLE scheduled_message (
	message_id uuid PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
	tenant_id  text        NOT NULL,
	send_at    timestamptz NOT NULL,
	topic      text        NOT NULL,
	key        text        NOT NULL,
	payload    text        NOT NULL
);

CREATE INDEX scheduled_message_due_idx ON scheduled_message (send_at);

-- Responses remembered per tenant and Idempotency-Key; status_code is null while in progress.
CREATE TABLE idempotency_key (
	tenant_id    text        NOT NULL,
	key          text        NOT NULL,
	request_hash text        NOT NULL,
	status_code  integer,
	content_type text,
	location     text,
	body         text,
	created_at   timestamptz NOT NULL DEFAULT now(),
	expires_at   timestamptz NOT NULL,
	PRIMARY KEY (tenant_id, key)
);

CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);

-- Messages accepted per tenant and UTC day, for daily quotas.
CREATE TABLE tenant_daily_usage (
	tenant_id text    NOT NULL,
	day       date    NOT NULL,
	messages  bigint  NOT NULL,
	PRIMARY KEY (tenant_id, day)
);
