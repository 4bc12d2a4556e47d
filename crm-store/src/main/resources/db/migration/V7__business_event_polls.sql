-- Where each polled ERP/SCM feed was read up to (the cursor the feed gave), and how the last poll went.
create table business_event_poll (
    name       text primary key,
    cursor     text,
    polled_at  timestamptz,
    last_error text
);
