-- The validity the tenant asked for (null: none) and the deadline the expiry sweep uses
-- (valid_until, else accepted_at + sms.dlr.expiry.default-validity; null until MessageAccepted).
alter table dlr.message add column valid_until timestamptz;
alter table dlr.message add column expires_at timestamptz;
create index message_expires_at on dlr.message (expires_at)
	where status in ('ACCEPTED', 'QUEUED', 'SENT') and expires_at is not null;
