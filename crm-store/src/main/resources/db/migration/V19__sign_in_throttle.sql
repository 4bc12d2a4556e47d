-- Sign-in throttling instead of lock-out: failed sign-ins counted per user at one client address
-- (pair:<user> <address>), per client address (address:<address>) and per user (user:<user>), each
-- with the time until which sign-ins are refused; and the addresses a user signed in from
-- (known:<user> <address>), where a user-wide delay does not apply. Kept in the database so every
-- hub node throttles alike. A count is forgotten 15 minutes after its last failure, a known address
-- 90 days after its last sign-in.
create table sign_in_throttle (
    key            text        primary key,
    failures       int         not null,
    blocked_until  timestamptz,
    counted_at     timestamptz not null
);
create index sign_in_throttle_counted_at on sign_in_throttle (counted_at);
