-- SLA targets of a conversation (first response, resolution) on its policy's business calendar:
-- when each is near breach (warn) and due, and when each was announced as such (once each).
alter table conversation
    add column sla_policy                 text,
    add column first_response_warn_at     timestamptz,
    add column first_response_due_at      timestamptz,
    add column first_response_warned_at   timestamptz,
    add column first_response_breached_at timestamptz,
    add column resolution_warn_at         timestamptz,
    add column resolution_due_at          timestamptz,
    add column resolution_warned_at       timestamptz,
    add column resolution_breached_at     timestamptz;
create index conversation_first_response_sla_idx on conversation (first_response_warn_at)
    where first_response_at is null and first_response_breached_at is null and first_response_due_at is not null;
create index conversation_resolution_sla_idx on conversation (resolution_warn_at)
    where resolved_at is null and resolution_breached_at is null and resolution_due_at is not null;
