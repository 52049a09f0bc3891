package org.baraza.budgeting.results;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Budget editions for tests, written straight into the tables (the editions and ballots features have their own
 * tests): a published process of Demo City whose voting phase is over (or still open), an edition, headings,
 * feasible projects and ballots in the box.
 */
public final class BudgetTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;
    private final OrganizationId city;

    public BudgetTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.city = new OrganizationId(jdbc.sql("SELECT organization_id FROM organization_host WHERE host = 'localhost'")
            .query(Long.class).single());
    }

    public OrganizationId city() {
        return city;
    }

    /** A published process whose voting phase ended yesterday ({@code closed}) or runs until tomorrow. */
    public long process(boolean closed) {
        Instant startsAt = Instant.now().minus(Duration.ofDays(closed ? 10 : 1));
        Instant endsAt = closed ? Instant.now().minus(Duration.ofDays(1)) : Instant.now().plus(Duration.ofDays(1));
        long process = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:o, :title, 'A budget process for tests.', true, now(), now()) RETURNING id""")
            .param("o", city.value()).param("title", "Budget process " + SEQUENCE.incrementAndGet()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                VALUES (:o, :p, 'Voting', :startsOn, :endsOn, :startsAt, :endsAt, '{VOTE}')""")
            .param("o", city.value()).param("p", process)
            .param("startsOn", LocalDate.ofInstant(startsAt, ZoneOffset.UTC))
            .param("endsOn", LocalDate.ofInstant(endsAt, ZoneOffset.UTC))
            .param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt)).update();
        return process;
    }

    /** A published process without any phase (and without an edition): where an import goes. */
    public long emptyProcess() {
        return jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:o, :title, 'A process to import into.', true, now(), now()) RETURNING id""")
            .param("o", city.value()).param("title", "Import process " + SEQUENCE.incrementAndGet()).query(Long.class).single();
    }

    public long edition(long process, String ballotKind, Integer maxProjects, String rule) {
        return jdbc.sql("""
                INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, rule, created_at, updated_at)
                VALUES (:o, :p, :title, :kind, :max, :rule, now(), now()) RETURNING id""")
            .param("o", city.value()).param("p", process).param("title", "Test budget " + SEQUENCE.incrementAndGet())
            .param("kind", ballotKind).param("max", maxProjects).param("rule", rule).query(Long.class).single();
    }

    public long heading(long edition, String name, String budget) {
        return jdbc.sql("""
                INSERT INTO budget_heading (organization_id, edition_id, name, budget) VALUES (:o, :e, :name, :budget) RETURNING id""")
            .param("o", city.value()).param("e", edition).param("name", name).param("budget", new BigDecimal(budget))
            .query(Long.class).single();
    }

    public long project(long edition, long heading, String title, String cost, Double latitude, Double longitude) {
        return jdbc.sql("""
                INSERT INTO budget_project (organization_id, edition_id, heading_id, title, description, latitude, longitude,
                                            estimated_cost, cost, feasibility, valuation_explanation, created_at, updated_at)
                VALUES (:o, :e, :h, :title, 'A project for tests.', :lat, :lon, :cost, :cost, 'FEASIBLE', 'Feasible.', now(), now())
                RETURNING id""")
            .param("o", city.value()).param("e", edition).param("h", heading).param("title", title)
            .param("lat", latitude).param("lon", longitude).param("cost", new BigDecimal(cost)).query(Long.class).single();
    }

    public void incompatible(long edition, long one, long other) {
        jdbc.sql("""
                INSERT INTO budget_incompatibility (organization_id, edition_id, project_low, project_high)
                VALUES (:o, :e, :low, :high)""")
            .param("o", city.value()).param("e", edition).param("low", Math.min(one, other)).param("high", Math.max(one, other))
            .update();
    }

    /** {@code copies} approval ballots choosing {@code projects} in the heading. */
    public void ballots(long edition, long heading, int copies, List<Long> projects) {
        for (int i = 0; i < copies; i++) {
            UUID ballot = UUID.randomUUID();
            jdbc.sql("INSERT INTO budget_ballot (id, organization_id, edition_id) VALUES (:id, :o, :e)")
                .param("id", ballot).param("o", city.value()).param("e", edition).update();
            jdbc.sql("INSERT INTO budget_ballot_heading (ballot_id, organization_id, edition_id, heading_id) VALUES (:id, :o, :e, :h)")
                .param("id", ballot).param("o", city.value()).param("e", edition).param("h", heading).update();
            for (Long project : projects) {
                jdbc.sql("""
                        INSERT INTO budget_ballot_choice (ballot_id, organization_id, edition_id, heading_id, project_id)
                        VALUES (:id, :o, :e, :h, :p)""")
                    .param("id", ballot).param("o", city.value()).param("e", edition).param("h", heading).param("p", project)
                    .update();
            }
        }
    }

    /** Puts a demo account on the edition's roll, as having voted online. */
    public void votedOnline(long edition, String login) {
        jdbc.sql("""
                INSERT INTO budget_voter_roll (organization_id, edition_id, account_id, channel, voted_on)
                SELECT :o, :e, id, 'ONLINE', current_date FROM account WHERE organization_id = :o AND login = :login""")
            .param("o", city.value()).param("e", edition).param("login", login).update();
    }

    public long audited(String action, long edition) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :o AND action = :a AND target = :t")
            .param("o", city.value()).param("a", action).param("t", "budget_edition:" + edition).query(Long.class).single();
    }
}
