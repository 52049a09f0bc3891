package org.baraza.budgeting.results;

import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes the results of Demo City's "Participatory budget 2026" (all of whose phases are past) once its demo
 * ballots are in the box (after the editions demo, order 30, and the ballots demo, order 40), so that the results
 * page residents read most has something real to show. Published as the demo admin would, through the same
 * service (so audited); skipped when already published, and harmless when two nodes start together (the
 * publication only takes effect for the first).
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoResults implements ApplicationRunner {

    static final String EDITION = "Participatory budget 2026";
    private static final Logger log = LoggerFactory.getLogger(DemoResults.class);

    private final JdbcClient jdbc;
    private final EditionReader editions;
    private final PublishResults publication;

    DemoResults(JdbcClient jdbc, EditionReader editions, PublishResults publication) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.publication = publication;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<long[]> found = jdbc.sql("""
                SELECT e.id, e.organization_id, a.id AS admin FROM budget_edition e
                JOIN organization o ON o.id = e.organization_id
                JOIN account a ON a.organization_id = o.id AND a.login = 'admin@demo.city'
                WHERE o.slug = 'demo-city' AND e.title = :title AND e.results_published_at IS NULL
                  AND EXISTS (SELECT 1 FROM budget_ballot b WHERE b.edition_id = e.id)
                ORDER BY e.id LIMIT 1""")
            .param("title", EDITION)
            .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("admin")})
            .optional();
        if (found.isEmpty()) {
            return;
        }
        long[] row = found.get();
        editions.edition(new OrganizationId(row[1]), row[0]).ifPresent(edition -> publication.publish(edition, row[2])
            .ifPresentOrElse(refusal -> log.info("demo results of edition {} not published: {}", edition.id(), refusal),
                () -> log.info("demo results of edition {} published", edition.id())));
    }
}
