-- business events now reach the store through the bus: what became of one is asked for afterwards,
-- so an unmatched event keeps which kind of unmatched it is
alter table business_event_unmatched add column status text not null default 'UNKNOWN_CUSTOMER'
    check (status in ('UNKNOWN_CUSTOMER', 'UNKNOWN_REQUEST'));
update business_event_unmatched set status = 'UNKNOWN_REQUEST' where reason like 'no request %';
