-- Outbound like a mail server: a reply a server could not take for now is tried again with backoff
-- for hours, not minutes; the next attempt is on the reply for agents to see.
alter table interaction add column delivery_attempts int not null default 0;
alter table interaction add column next_attempt_at timestamptz;
-- the replies waiting to be sent (or tried again), for the sweep that sends them
create index interaction_queued_idx on interaction (coalesce(next_attempt_at, recorded_at))
    where delivery_status = 'QUEUED';
