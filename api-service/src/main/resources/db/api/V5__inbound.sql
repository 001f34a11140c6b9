-- Inbound (MO): numbers and short codes owned by tenants, keywords on shared short codes, the
-- inbound messages, per-tenant STOP/START/HELP keyword sets, and per-tenant suppression lists.

CREATE TABLE inbound_address (
	address    text PRIMARY KEY,
	kind       text        NOT NULL,
	tenant_id  text REFERENCES tenant (id),
	shared     boolean     NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT inbound_address_owner CHECK ((shared AND tenant_id IS NULL) OR (NOT shared AND tenant_id IS NOT NULL)),
	CONSTRAINT inbound_address_shared_code CHECK (NOT shared OR kind = 'SHORT_CODE')
);

CREATE INDEX inbound_address_tenant_idx ON inbound_address (tenant_id);

CREATE TABLE inbound_keyword (
	address    text        NOT NULL REFERENCES inbound_address (address) ON DELETE CASCADE,
	keyword    text        NOT NULL,
	tenant_id  text        NOT NULL REFERENCES tenant (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (address, keyword)
);

CREATE INDEX inbound_keyword_tenant_idx ON inbound_keyword (tenant_id);

-- tenant_id NULL: nobody owns the number (or the keyword on a shared code): listed for operators.
CREATE TABLE inbound_message (
	id           uuid PRIMARY KEY,
	tenant_id    text REFERENCES tenant (id),
	connector_id text,
	sender       text        NOT NULL,
	recipient    text        NOT NULL,
	body         text        NOT NULL,
	keyword      text,
	action       text,
	complete     boolean     NOT NULL,
	received_at  timestamptz NOT NULL,
	stored_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX inbound_message_tenant_idx ON inbound_message (tenant_id, received_at DESC, id DESC);

CREATE INDEX inbound_message_unrouted_idx ON inbound_message (received_at DESC, id DESC) WHERE tenant_id IS NULL;

-- A tenant's own keywords for one language (space-separated, normalized); replaces the defaults of
-- that language. Replies are optional texts sent back from the number that received the keyword.
CREATE TABLE keyword_set (
	tenant_id   text        NOT NULL REFERENCES tenant (id),
	language    text        NOT NULL,
	stop_words  text        NOT NULL,
	start_words text        NOT NULL,
	help_words  text        NOT NULL,
	stop_reply  text,
	start_reply text,
	help_reply  text,
	updated_at  timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, language)
);

-- One row per (tenant, number) ever opted out or in: active = suppressed now. Inactive rows keep the
-- time of the last change, so that a STOP and a START processed out of order end in the right state.
CREATE TABLE suppression (
	tenant_id  text        NOT NULL REFERENCES tenant (id),
	number     text        NOT NULL,
	active     boolean     NOT NULL,
	source     text        NOT NULL,
	keyword    text,
	created_at timestamptz NOT NULL,
	changed_at timestamptz NOT NULL,
	PRIMARY KEY (tenant_id, number)
);
