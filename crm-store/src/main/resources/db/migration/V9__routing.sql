-- Routing: teams work inboxes; agents are members of teams, have a presence and a capacity per
-- channel; new conversations are assigned to an online member with room, round-robin or least loaded.
create table team_member (
    team_id bigint not null references team (id),
    user_id bigint not null references app_user (id),
    primary key (team_id, user_id)
);
create index team_member_user_idx on team_member (user_id);

create table agent_presence (
    user_id    bigint primary key references app_user (id),
    status     text        not null check (status in ('ONLINE', 'BUSY', 'AWAY', 'OFFLINE')),
    changed_at timestamptz not null default now()
);

create table agent_capacity (
    user_id  bigint not null references app_user (id),
    channel  text   not null,
    max_open int    not null check (max_open >= 0),
    primary key (user_id, channel)
);

-- one row per team: locked while assigning (so capacity is never exceeded), and the round-robin position
create table team_routing (
    team_id               bigint primary key references team (id),
    last_assigned_user_id bigint references app_user (id),
    last_assigned_at      timestamptz
);

alter table conversation add column assigned_at timestamptz;
create index conversation_assignee_open_idx on conversation (assignee_id, channel) where status <> 'RESOLVED';
create index conversation_team_waiting_idx on conversation (team_id, opened_at)
    where assignee_id is null and status <> 'RESOLVED';
