package org.baraza.budgeting.ballots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo ballots for the past edition "Participatory budget 2026" of Demo City, so that its results have
 * something to count. They are SYNTHETIC: about 2,000 ballots drawn from a fixed seed, with popular and
 * unpopular projects and voters who favour their own district, put straight into the box as imported paper
 * sheets (no receipt) with no roll entries: no account stands behind them, because accounts are personal
 * data and a demo must not invent people. Every ballot keeps the edition's rules (it is built through
 * {@link BallotOffer}). Runs after the budgeting demo (order 30), only if that edition exists and its box
 * is empty; two nodes starting together are serialised by an advisory lock.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoBudgetBallots implements ApplicationRunner {

    static final String EDITION = "Participatory budget 2026";
    static final int VOTERS = 2_000;
    private static final long SEED = 2026;
    private static final int LOCK = 0x42424f58;

    private static final Logger log = LoggerFactory.getLogger(DemoBudgetBallots.class);

    private final JdbcClient jdbc;
    private final BallotEditions editions;
    private final BudgetBallotBox box;
    private final TransactionTemplate transaction;

    DemoBudgetBallots(JdbcClient jdbc, BallotEditions editions, BudgetBallotBox box, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.box = box;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<BallotEdition> edition = jdbc.sql("""
                SELECT e.id, e.organization_id FROM budget_edition e JOIN organization o ON o.id = e.organization_id
                WHERE o.slug = 'demo-city' AND e.title = :title ORDER BY e.id LIMIT 1""")
            .param("title", EDITION)
            .query((rs, row) -> editions.find(new OrganizationId(rs.getLong("organization_id")), rs.getLong("id")))
            .optional().flatMap(found -> found);
        if (edition.isEmpty()) {
            return;
        }
        Integer seeded = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock, :edition)").param("lock", LOCK).param("edition", (int) edition.get().id())
                .query(Object.class).list();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM budget_ballot WHERE edition_id = :e)").param("e", edition.get().id())
                .query(Boolean.class).single()) {
                return 0;
            }
            BallotOffer offer = editions.offer(edition.get());
            List<BudgetBallot> ballots = ballots(offer, new Random(SEED));
            for (int from = 0; from < ballots.size(); from += 500) {
                box.depositAll(edition.get().organization(), edition.get().id(), null,
                    ballots.subList(from, Math.min(ballots.size(), from + 500)));
            }
            return ballots.size();
        });
        if (seeded != null && seeded > 0) {
            log.info("demo budget ballots: {} synthetic ballots in edition {}", seeded, edition.get().id());
        }
    }

    /** Synthetic voters: a district each (some districts bigger), projects drawn by popularity, own district preferred. */
    static List<BudgetBallot> ballots(BallotOffer offer, Random random) {
        Map<Long, Double> popularity = new HashMap<>();
        for (BallotOffer.Project project : offer.projects()) {
            // a few favourites and a long tail, as real PB elections show
            popularity.put(project.id(), Math.pow(random.nextDouble(), 2.5) * 10 + 0.2);
        }
        List<String> districts = offer.headings().stream().map(BallotOffer.Heading::districtCode).filter(code -> code != null)
            .toList();
        List<BudgetBallot> ballots = new ArrayList<>(VOTERS);
        int attempts = 0;
        while (ballots.size() < VOTERS && attempts++ < VOTERS * 3) {
            String district = districts.isEmpty() ? null : districts.get(Math.min(districts.size() - 1,
                (int) Math.floor(Math.pow(random.nextDouble(), 1.4) * districts.size())));
            List<BallotOffer.Heading> open = offer.headingsOpenTo(district);
            if (offer.rules().headingChoice() == BallotRules.HeadingChoice.ONE_OF_CHOICE && !open.isEmpty()) {
                BallotOffer.Heading own = open.stream().filter(h -> district != null && district.equals(h.districtCode())).findFirst()
                    .orElse(open.get(random.nextInt(open.size())));
                open = List.of(random.nextDouble() < 0.7 ? own : open.get(random.nextInt(open.size())));
            }
            List<BallotOffer.Mark> marks = new ArrayList<>();
            for (BallotOffer.Heading heading : open) {
                marks.addAll(marks(offer, heading, popularity, random));
            }
            Long chosen = open.size() == 1 ? open.get(0).id() : null;
            if (marks.isEmpty()) {
                continue;
            }
            BallotOffer.Checked checked = offer.fill(district, new BallotOffer.Draft(chosen, marks), List.of());
            if (checked instanceof BallotOffer.Valid valid) {
                ballots.add(valid.ballot());
            }
        }
        return ballots;
    }

    private static List<BallotOffer.Mark> marks(BallotOffer offer, BallotOffer.Heading heading, Map<Long, Double> popularity,
                                                Random random) {
        List<BallotOffer.Project> pool = new ArrayList<>(offer.projectsOf(heading.id()));
        List<BallotOffer.Project> order = new ArrayList<>();
        while (!pool.isEmpty()) {
            double total = pool.stream().mapToDouble(p -> popularity.get(p.id())).sum();
            double pick = random.nextDouble() * total;
            int index = 0;
            for (; index < pool.size() - 1; index++) {
                pick -= popularity.get(pool.get(index).id());
                if (pick <= 0) {
                    break;
                }
            }
            order.add(pool.remove(index));
        }
        BallotRules rules = offer.rules();
        List<BallotOffer.Mark> marks = new ArrayList<>();
        switch (rules.kind()) {
            case APPROVAL, RANKED -> {
                int wanted = Math.min(order.size(), 1 + random.nextInt(rules.maxProjects()));
                for (int i = 0; i < wanted; i++) {
                    marks.add(new BallotOffer.Mark(order.get(i).id(), 1, rules.ranks() ? i + 1 : null));
                }
            }
            case KNAPSACK -> {
                BigDecimal spent = BigDecimal.ZERO;
                for (BallotOffer.Project project : order) {
                    if (spent.add(project.cost()).compareTo(heading.budget()) <= 0 && random.nextDouble() < 0.8) {
                        spent = spent.add(project.cost());
                        marks.add(new BallotOffer.Mark(project.id(), 1, null));
                    }
                }
                BigDecimal least = heading.budget().multiply(BigDecimal.valueOf(rules.minSpendPercent())).movePointLeft(2);
                if (spent.compareTo(least) < 0) {
                    marks.clear();
                }
            }
            case CUMULATIVE -> {
                int left = rules.pointsPerVoter();
                for (BallotOffer.Project project : order) {
                    if (left == 0) {
                        break;
                    }
                    int points = Math.min(left, 1 + random.nextInt(rules.maxPointsPerProject()));
                    marks.add(new BallotOffer.Mark(project.id(), points, null));
                    left -= points;
                }
            }
        }
        return marks;
    }
}
