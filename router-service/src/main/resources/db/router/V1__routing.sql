-- Connectors the router may hand messages to; each one consumes sms.mt.dispatch.<id>.
create table router.connector (
	id text primary key,
	kind text not null,
	description text,
	enabled boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- The ordered route table: filters (null = any) and a target strategy over route_member.
create table router.route (
	id bigserial primary key,
	name text not null,
	priority integer not null,
	is_default boolean not null default false,
	tenant_id text,
	prefix text,
	country text,
	number_type text,
	sender_pattern text,
	message_type text,
	window_days text,
	window_start time,
	window_end time,
	window_zone text,
	strategy text not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- At most one default route; the admin API refuses to delete it.
create unique index route_one_default on router.route (is_default) where is_default;

create table router.route_member (
	route_id bigint not null references router.route (id) on delete cascade,
	position integer not null,
	connector_id text not null references router.connector (id),
	weight integer not null default 1,
	price_per_segment numeric(14, 6),
	primary key (route_id, position)
);

-- One row: the version of the routing configuration, bumped by every change.
create table router.routing_version (
	id integer primary key check (id = 1),
	version bigint not null
);
insert into router.routing_version (id, version) values (1, 0);

-- Which route and connector each attempt of a message took, at what price per segment.
create table router.routing_decision (
	message_id uuid not null,
	attempt integer not null,
	route_id bigint,
	route_name text,
	connector_id text not null,
	price_per_segment numeric(14, 6),
	segments integer,
	candidates text not null,
	decided_at timestamptz not null,
	primary key (message_id, attempt)
);
