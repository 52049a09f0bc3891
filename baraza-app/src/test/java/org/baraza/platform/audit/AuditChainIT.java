package org.baraza.platform.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baraza.IntegrationTest;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditChainIT {

    @Autowired AuditTrail audit;
    @Autowired AuditChainVerifier verifier;
    @Autowired AuditLogCommand command;
    @Autowired JdbcClient jdbc;

    private TestChains chains;
    private OrganizationId municipality;

    @BeforeEach
    void freshChain() {
        chains = new TestChains(jdbc, audit);
        municipality = chains.municipality();
    }

    private String runCommand(int expectedExitCode) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = command.check(new PrintStream(output, true, StandardCharsets.UTF_8));
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(expectedExitCode);
        return text;
    }

    @Test
    void anUntouchedChainIsIntact() {
        chains.append(municipality, 5);
        ChainCheck check = verifier.verify(municipality);
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(5);
        assertThat(runCommand(0)).contains("municipality " + municipality + " ").contains("intact, 5 entries")
            .contains("platform chain").contains("audit log intact");
    }

    @Test
    void theLogIsAppendOnly() {
        long id = chains.append(municipality, 1).get(0);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET details = '{}' WHERE id = :id").param("id", id).update())
            .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", id).update())
            .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void anEditedEntryIsNamedByTheVerifierAndTheCommand() {
        List<Long> ids = chains.append(municipality, 6);
        long edited = ids.get(3);
        String original = (String) chains.entry(edited).get("details");
        chains.tamper("UPDATE audit_entry SET details = '{\"n\":\"999\"}' WHERE id = :id", Map.of("id", edited));
        try {
            ChainCheck check = verifier.verify(municipality);
            assertThat(check.firstBreak()).contains(new ChainCheck.Break(edited, ChainCheck.Problem.HASH_MISMATCH));
            assertThat(check.entries()).isEqualTo(4);

            String output = runCommand(1);
            assertThat(output).contains("municipality " + municipality + " ").contains("BROKEN at entry " + edited + " (hash mismatch")
                .contains("audit log BROKEN: first broken entry is " + edited);
        } finally {
            chains.tamper("UPDATE audit_entry SET details = :details WHERE id = :id", Map.of("id", edited, "details", original));
        }
        assertThat(verifier.verify(municipality).intact()).isTrue();
    }

    @Test
    void anEntryRehashedBySomeoneWhoKnowsTheAlgorithmBreaksTheLinkToTheNext() {
        List<Long> ids = chains.append(municipality, 4);
        long edited = ids.get(1);
        Map<String, Object> entry = chains.entry(edited);
        String forged = HashChainedAuditTrail.hash((String) entry.get("previous_hash"), edited, municipality.value(),
            (Long) entry.get("actor_account_id"), "test.action", (String) entry.get("target"), "{\"n\":\"forged\"}",
            ((java.sql.Timestamp) entry.get("at")).toInstant());
        chains.tamper("UPDATE audit_entry SET details = '{\"n\":\"forged\"}', hash = :hash WHERE id = :id", Map.of("id", edited, "hash", forged));
        try {
            assertThat(verifier.verify(municipality).firstBreak())
                .contains(new ChainCheck.Break(ids.get(2), ChainCheck.Problem.PREVIOUS_HASH_MISMATCH));
        } finally {
            chains.tamper("UPDATE audit_entry SET details = :details, hash = :hash WHERE id = :id",
                Map.of("id", edited, "details", entry.get("details"), "hash", entry.get("hash")));
        }
    }

    @Test
    void aRemovedEntryIsNoticedAtTheOneAfterIt() {
        List<Long> ids = chains.append(municipality, 4);
        Map<String, Object> removed = chains.entry(ids.get(1));
        chains.tamper("DELETE FROM audit_entry WHERE id = :id", Map.of("id", ids.get(1)));
        try {
            assertThat(verifier.verify(municipality).firstBreak())
                .contains(new ChainCheck.Break(ids.get(2), ChainCheck.Problem.PREVIOUS_HASH_MISMATCH));
        } finally {
            chains.tamper("""
                    INSERT INTO audit_entry (id, organization_id, actor_account_id, action, target, details, at, previous_hash, hash)
                    VALUES (:id, :org, :actor, :action, :target, :details, :at, :previous, :hash)""",
                Map.of("id", removed.get("id"), "org", removed.get("organization_id"), "actor", removed.get("actor_account_id"),
                    "action", removed.get("action"), "target", removed.get("target"), "details", removed.get("details"),
                    "at", removed.get("at"), "previous", removed.get("previous_hash"), "hash", removed.get("hash")));
        }
        assertThat(verifier.verify(municipality).intact()).isTrue();
    }

    @Test
    void appendsFromManyThreadsFormOneIntactChain() throws Exception {
        int threads = 16;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        audit.record(municipality, thread, "test.concurrent", "thread:" + thread, Map.of("i", Integer.toString(i)));
                        // the platform chain at the same time, so two chains interleave
                        if (i % 5 == 0) {
                            audit.record(null, thread, "test.concurrent", "thread:" + thread, Map.of());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ChainCheck check = verifier.verify(municipality);
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo((long) threads * each);
        assertThat(verifier.verify((OrganizationId) null).intact()).isTrue();
        assertThat(jdbc.sql("SELECT count(DISTINCT previous_hash) FROM audit_entry WHERE organization_id = :org")
            .param("org", municipality.value()).query(Long.class).single()).as("no two entries follow the same one")
            .isEqualTo((long) threads * each);
    }
}
