-- The inbox list without a status filter ("everything, most recent first") walks this index instead
-- of sorting every conversation (measured: 80 ms → see docs/benchmarks.md, inbox list).
create index conversation_activity_idx on conversation (last_activity_at desc, id desc);
