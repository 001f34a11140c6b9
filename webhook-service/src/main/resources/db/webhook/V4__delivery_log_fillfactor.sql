-- A delivery is claimed (lease_until, leased_by: columns no index covers) before its outcome is written. With room
-- left in each page the claim is a HOT update: the new row version goes in the same page and none of the table's
-- six indexes gets a new entry (on a full page every claim added one to each). Applies to pages written from now on.
alter table delivery_log set (fillfactor = 60);
