-- A conversation merged into another (the same customer's): its interactions, tasks and thread
-- references moved there; it stays, resolved, pointing at where its history went.
alter table conversation add column merged_into_id bigint references conversation (id);
