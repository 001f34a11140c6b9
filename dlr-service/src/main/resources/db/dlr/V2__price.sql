-- What a message cost: the route's price per part times the parts sent (null without a price).
alter table dlr.message add column price numeric(14, 6);
