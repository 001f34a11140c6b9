-- What a message cost, from the status events once it was sent through a route with a price.
alter table message add column price numeric(14, 6);
