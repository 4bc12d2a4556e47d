-- Secrets the hub generates for itself when the operator gives none (e.g. the key that signs our
-- email Message-IDs), so they survive restarts and are shared by every hub node.
create table hub_secret (
    name        text        primary key,
    value       text        not null,
    created_at  timestamptz not null default now()
);
