-- One row per gateway message: created by whichever event comes first, completed by MessageAccepted.
create table dlr.message (
	id uuid primary key,
	tenant_id text,
	callback_url text,
	segments integer,
	accepted_at timestamptz,
	connector_id text,
	status text not null,
	status_at timestamptz,
	error_code text,
	detail text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- One row per part the network took, found again by the id the network gave it.
create table dlr.message_part (
	message_id uuid not null,
	part_number integer not null,
	connector_id text not null,
	network_message_id text not null,
	status text not null,
	error_code text,
	updated_at timestamptz not null default now(),
	primary key (message_id, part_number),
	constraint message_part_network_id unique (connector_id, network_message_id)
);

-- Receipts that arrived before the MessageSent of their part.
create table dlr.pending_receipt (
	connector_id text not null,
	network_message_id text not null,
	state text not null,
	error_code text,
	done_at timestamptz,
	received_at timestamptz not null,
	raw text,
	primary key (connector_id, network_message_id, state)
);
create index pending_receipt_received_at on dlr.pending_receipt (received_at);

-- Every status a message reached, and whether its StatusChanged is on Kafka yet.
create table dlr.message_status (
	message_id uuid not null,
	status text not null,
	rank integer not null,
	at timestamptz not null,
	error_code text,
	detail text,
	published boolean not null default false,
	recorded_at timestamptz not null default now(),
	primary key (message_id, status)
);
create index message_status_unpublished on dlr.message_status (recorded_at) where not published;
