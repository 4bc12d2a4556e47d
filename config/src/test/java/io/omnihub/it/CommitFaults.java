package io.omnihub.it;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes PostgreSQL refuse to commit the transaction that records a given interaction, a given
 * number of times: a deferred constraint trigger raises at COMMIT, exactly where a crash between
 * delivery and commit would hurt. It counts with a sequence, which a rollback does not undo.
 */
@TestComponent
public class CommitFaults {

    private static final AtomicInteger FAULTS = new AtomicInteger();
    private final JdbcTemplate jdbc;
    private boolean installed;

    CommitFaults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next {@code times} commits that record this external id fail. */
    public synchronized void failCommits(String externalId, int times) {
        install();
        String sequence = "it_fault_" + FAULTS.incrementAndGet();
        jdbc.execute("create sequence " + sequence);
        jdbc.update("insert into it_commit_fault (external_id, sequence_name, failures) values (?, ?, ?)",
                externalId, sequence, times);
    }

    /** How many commits were attempted for this external id so far. */
    public long attempts(String externalId) {
        String sequence = jdbc.queryForObject("select sequence_name from it_commit_fault where external_id = ?",
                String.class, externalId);
        Long value = jdbc.queryForObject("select case when is_called then last_value else 0 end from " + sequence,
                Long.class);
        return value == null ? 0 : value;
    }

    private void install() {
        if (installed) {
            return;
        }
        jdbc.execute("create table if not exists it_commit_fault (external_id text primary key, "
                + "sequence_name text not null, failures int not null)");
        jdbc.execute("""
                create or replace function it_fail_commit() returns trigger language plpgsql as $$
                declare fault record;
                begin
                  select * into fault from it_commit_fault where external_id = new.external_id;
                  if found and nextval(fault.sequence_name) <= fault.failures then
                    raise exception 'simulated crash before commit of %', new.external_id;
                  end if;
                  return null;
                end $$""");
        jdbc.execute("drop trigger if exists it_fail_commit on interaction");
        jdbc.execute("create constraint trigger it_fail_commit after insert on interaction "
                + "deferrable initially deferred for each row execute function it_fail_commit()");
        installed = true;
    }
}
