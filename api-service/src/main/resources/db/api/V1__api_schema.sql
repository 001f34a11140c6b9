-- Tenants, their API clients, messages with their status history, and the transactional outbox.

CREATE TABLE tenant (
	id             text PRIMARY KEY,
	name           text        NOT NULL,
	default_region text,
	created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_client (
	client_id   text PRIMARY KEY,
	tenant_id   text        NOT NULL REFERENCES tenant (id),
	secret_hash text        NOT NULL,
	scopes      text        NOT NULL,
	created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX api_client_tenant_idx ON api_client (tenant_id);

CREATE TABLE message (
	id           uuid PRIMARY KEY,
	tenant_id    text        NOT NULL REFERENCES tenant (id),
	recipient    text        NOT NULL,
	sender       text        NOT NULL,
	body         text        NOT NULL,
	encoding     text        NOT NULL,
	segments     integer     NOT NULL,
	callback_url text,
	status       text        NOT NULL,
	accepted_at  timestamptz NOT NULL,
	updated_at   timestamptz NOT NULL,
	error_code   text
);

CREATE INDEX message_tenant_accepted_idx ON message (tenant_id, accepted_at);

CREATE TABLE message_status (
	id         bigserial PRIMARY KEY,
	message_id uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
	status     text        NOT NULL,
	at         timestamptz NOT NULL,
	error_code text,
	detail     text,
	CONSTRAINT message_status_once UNIQUE (message_id, status)
);

CREATE TABLE outbox (
	id         bigserial PRIMARY KEY,
	topic      text        NOT NULL,
	key        text        NOT NULL,
	payload    text        NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
