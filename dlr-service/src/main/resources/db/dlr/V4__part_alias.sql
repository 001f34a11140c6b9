-- Further network ids of a part: a part submitted again (e.g. its connector's poll was redelivered
-- after a link loss, on the same or another connector) got a new id from the network. A receipt
-- for any id of a part completes it; the first final receipt wins.
create table dlr.part_alias (
	connector_id text not null,
	network_message_id text not null,
	message_id uuid not null,
	part_number integer not null,
	created_at timestamptz not null default now(),
	primary key (connector_id, network_message_id)
);
create index part_alias_message on dlr.part_alias (message_id);
