package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The past demo edition gets its synthetic ballots once: imported sheets, no receipts, nobody on the roll. */
@IntegrationTest
class DemoBudgetBallotsIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoBudgetBallots demo;

    @Test
    void thePastDemoEditionHoldsSyntheticBallotsWithNoRollAndSeedingTwiceAddsNothing() throws Exception {
        Optional<Long> edition = jdbc.sql("""
                SELECT e.id FROM budget_edition e JOIN organization o ON o.id = e.organization_id
                WHERE o.slug = 'demo-city' AND e.title = 'Participatory budget 2026'""").query(Long.class).optional();
        org.junit.jupiter.api.Assumptions.assumeTrue(edition.isPresent(), "the budgeting demo made the 2026 edition");
        long before = count("SELECT count(*) FROM budget_ballot WHERE edition_id = :e", edition.get());

        demo.run(null);

        assertThat(before).isEqualTo(DemoBudgetBallots.VOTERS);
        assertThat(count("SELECT count(*) FROM budget_ballot WHERE edition_id = :e", edition.get())).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NOT NULL", edition.get())).isZero();
        assertThat(count("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e", edition.get())).isZero();
        assertThat(count("SELECT count(DISTINCT project_id) FROM budget_ballot_choice WHERE edition_id = :e", edition.get()))
            .isGreaterThan(3);
    }

    private long count(String sql, long edition) {
        return jdbc.sql(sql).param("e", edition).query(Long.class).single();
    }
}
