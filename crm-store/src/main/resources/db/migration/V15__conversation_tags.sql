-- Labels agents put on conversations ("refund", "vip"), filtered on in the inbox.
alter table conversation add column tags text[] not null default '{}';
create index conversation_tags_idx on conversation using gin (tags);
