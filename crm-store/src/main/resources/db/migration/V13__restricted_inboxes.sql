-- A restricted inbox is seen and worked only by the members of its team (and of the team a
-- conversation was transferred to); supervisors and administrators see every inbox.
alter table inbox add column restricted boolean not null default false;
