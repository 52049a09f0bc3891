package org.baraza.participation.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Demo City's participatory process "Green streets 2026", so a new user sees participation at work: a
 * published process whose current phase takes proposals, supports, comments and votes, with fifteen
 * proposals, three debates with comments and replies, an open consultation and a closed one with results.
 * Runs after the platform's demo (municipalities at order 10, accounts at order 20), only when Demo City
 * exists, once: a process of that title there means it ran before. One transaction, plain inserts, so the
 * first start stays fast.
 * <p>
 * It invents no people. Contributions are the demo accounts' (mostly the demo resident's) or "a former
 * resident"'s (no author, as after an account deletion); supports are given by the demo accounts of Demo City.
 * The closed consultation holds paper tallies entered by the demo officer, not ballots: online ballots would
 * need voters on the roll, that is, people. What the seed states rather than earns (the demo has no census,
 * so no threshold can be reached: one proposal is marked qualified by the seed) is listed in
 * docs/demo-accounts.md.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoParticipation implements ApplicationRunner {

    static final String PROCESS_TITLE = "Green streets 2026";

    private static final Logger log = LoggerFactory.getLogger(DemoParticipation.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoParticipation(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record City(long id, ZoneId zone) {
    }

    private record Idea(String title, String summary, String body, String category, String district, double latitude,
                        double longitude, boolean formerResident, int supporters) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<City> city = jdbc.sql("SELECT id, time_zone FROM organization WHERE slug = 'demo-city'")
            .query((rs, n) -> new City(rs.getLong(1), ZoneId.of(rs.getString(2)))).optional();
        if (city.isEmpty()) {
            return;
        }
        boolean seeded = jdbc.sql("SELECT count(*) FROM participatory_process WHERE organization_id = :org AND title = :title")
            .param("org", city.get().id()).param("title", PROCESS_TITLE).query(Long.class).single() > 0;
        if (seeded) {
            return;
        }
        Map<String, Long> accounts = new LinkedHashMap<>();
        for (String login : List.of("resident@demo.city", "moderator@demo.city", "staff@demo.city", "valuator@demo.city",
            "officer@demo.city", "admin@demo.city")) {
            jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
                .param("org", city.get().id()).param("login", login).query(Long.class).optional()
                .ifPresent(id -> accounts.put(login, id));
        }
        if (!accounts.containsKey("resident@demo.city") || !accounts.containsKey("officer@demo.city")) {
            return;
        }
        transaction.executeWithoutResult(status -> seed(city.get(), accounts));
        log.info("demo participatory process created in demo-city");
    }

    private void seed(City city, Map<String, Long> accounts) {
        long org = city.id();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, city.zone());
        long resident = accounts.get("resident@demo.city");
        long officer = accounts.get("officer@demo.city");
        Long staff = accounts.get("staff@demo.city");

        long process = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, sdg_goals, published, created_at, updated_at)
                VALUES (:org, :title, :description, '{3,11,13}', true, :created, :now) RETURNING id""")
            .param("org", org).param("title", PROCESS_TITLE)
            .param("description", """
                Demo City wants shade, cleaner air and safer walking on its streets. In 2026 residents decide \
                which streets get trees, benches, rain gardens and safer crossings first.

                - **Street survey** (closed): a first question on trading parking spaces for trees, counted on paper.
                - **Proposals and supports** (now): propose a change to your street, support the ones you want, \
                and answer the consultation on where to start.
                - **Vote** (soon): a yes/no vote on the proposals that qualify.""")
            .param("created", ts(now.minus(Duration.ofDays(45)))).param("now", ts(now)).query(Long.class).single();
        phase(org, process, city.zone(), "Street survey", "A paper survey at two booths.", today.minusDays(40),
            today.minusDays(15), "{VOTE,COMMENT}");
        long current = phase(org, process, city.zone(), "Proposals and supports",
            "Propose, support, comment, and answer the consultation.", today.minusDays(14), today.plusDays(14),
            "{CREATE_PROPOSALS,SUPPORT,COMMENT,VOTE}");
        phase(org, process, city.zone(), "Vote on the qualified proposals", "A yes/no vote on each qualified proposal.",
            today.plusDays(15), today.plusDays(29), "{VOTE,COMMENT}");
        // the current phase is already known: no "phase changed" notification for a seed
        jdbc.sql("UPDATE participatory_process SET announced_phase_id = :phase WHERE id = :id")
            .param("phase", current).param("id", process).update();

        Map<String, Long> categories = new LinkedHashMap<>();
        for (String name : List.of("Trees and shade", "Walking and cycling", "Water and drainage")) {
            categories.put(name, jdbc.sql("""
                    INSERT INTO proposal_category (organization_id, name, created_at) VALUES (:org, :name, :now)
                    ON CONFLICT (organization_id, lower(name)) DO UPDATE SET name = proposal_category.name RETURNING id""")
                .param("org", org).param("name", name).param("now", ts(now)).query(Long.class).single());
        }

        List<Long> supporters = new ArrayList<>(accounts.values());
        List<Long> proposals = new ArrayList<>();
        int day = 13;
        for (Idea idea : IDEAS) {
            Instant created = now.minus(Duration.ofDays(Math.max(1, day--))).minus(Duration.ofHours(day % 7));
            int supports = Math.min(idea.supporters(), supporters.size());
            long id = jdbc.sql("""
                    INSERT INTO proposal (organization_id, process_id, author_account_id, title, summary, body, category_id,
                                          district_code, latitude, longitude, supports, created_at, updated_at)
                    VALUES (:org, :process, :author, :title, :summary, :body, :category, :district, :lat, :lon, :supports,
                            :created, :created) RETURNING id""")
                .param("org", org).param("process", process)
                .param("author", idea.formerResident() ? null : resident, java.sql.Types.BIGINT)
                .param("title", idea.title()).param("summary", idea.summary()).param("body", idea.body())
                .param("category", categories.get(idea.category())).param("district", idea.district())
                .param("lat", idea.latitude()).param("lon", idea.longitude()).param("supports", supports)
                .param("created", ts(created)).query(Long.class).single();
            for (int i = 0; i < supports; i++) {
                jdbc.sql("""
                        INSERT INTO proposal_support (organization_id, proposal_id, account_id, supported_at)
                        VALUES (:org, :proposal, :account, :at)""")
                    .param("org", org).param("proposal", id).param("account", supporters.get(i))
                    .param("at", ts(created.plus(Duration.ofHours(2 + i)))).update();
            }
            if (!idea.formerResident()) {
                jdbc.sql("""
                        INSERT INTO proposal_follow (organization_id, proposal_id, account_id, followed_at)
                        VALUES (:org, :proposal, :account, :at)""")
                    .param("org", org).param("proposal", id).param("account", resident).param("at", ts(created)).update();
            }
            proposals.add(id);
        }
        // the seed's one shortcut: without a census no threshold can be reached, so the first proposal is marked
        // qualified here (docs/demo-accounts.md says so)
        jdbc.sql("UPDATE proposal SET qualified_at = :at WHERE id = :id")
            .param("at", ts(now.minus(Duration.ofDays(3)))).param("id", proposals.get(0)).update();
        comment(org, "proposal", proposals.get(0), null, resident, false,
            "The afternoon sun on Market Street is brutal for the stall holders. Count me in.", now.minus(Duration.ofDays(9)));
        if (staff != null) {
            comment(org, "proposal", proposals.get(1), null, staff, false,
                "Roads and Transport: a raised crossing here fits the 2026 maintenance plan; we will cost it if it qualifies.",
                now.minus(Duration.ofDays(6)));
        }

        debates(org, process, resident, staff, now);
        consultations(org, process, officer, city.zone(), today, now);
    }

    private void debates(long org, long process, long resident, Long staff, Instant now) {
        long trees = debate(org, process, resident, false, "Which trees should line our streets?", """
            Native trees need less water but grow slowly; fast-growing ones give shade sooner. \
            What matters more on your street: shade in three years, or trees that survive a dry season without watering?""",
            now.minus(Duration.ofDays(12)));
        long first = comment(org, "debate", trees, null, resident, false,
            "Croton and Cape chestnut grow well here and birds like them. Shade later, but they last.",
            now.minus(Duration.ofDays(11)));
        if (staff != null) {
            comment(org, "debate", trees, first, staff, false,
                "From the parks team's experience: native saplings planted with a watering bag for the first dry season "
                    + "survive four times out of five.", now.minus(Duration.ofDays(10)));
        }
        comment(org, "debate", trees, null, resident, true, "Whatever we plant, please not where the roots lift the pavement again.",
            now.minus(Duration.ofDays(8)));
        opinion(org, trees, resident, 1, now);

        long cars = debate(org, process, resident, false, "Should some streets close to cars on Sundays?", """
            Riverside tried a car-free Sunday last year. Some shops sold more, some less. \
            Should Green streets include car-free Sundays, and on which streets?""", now.minus(Duration.ofDays(9)));
        long open = comment(org, "debate", cars, null, resident, false,
            "Yes for Lake Avenue: families walk there anyway, and the cafés put tables out.", now.minus(Duration.ofDays(8)));
        comment(org, "debate", cars, open, resident, true, "Only if buses still run on the cross streets.",
            now.minus(Duration.ofDays(7)));

        long water = debate(org, process, resident, true, "Rain gardens or bigger drains?", """
            Every heavy rain floods the lower end of Station Road. Rain gardens hold water where it falls; \
            bigger drains move it faster downhill. Which should the city try first?""", now.minus(Duration.ofDays(5)));
        long reply = comment(org, "debate", water, null, resident, false,
            "Rain gardens also green the street. Bigger drains just move the flood to Lakeview.", now.minus(Duration.ofDays(4)));
        if (staff != null) {
            comment(org, "debate", water, reply, staff, false,
                "Both are possible: a rain garden needs about 10 m² of soil per 100 m² of road it drains.",
                now.minus(Duration.ofDays(3)));
        }
    }

    private void consultations(long org, long process, long officer, ZoneId zone, LocalDate today, Instant now) {
        long open = consultation(org, process, "Where should Green streets start?", """
            Tell the city which street to green first and what you want on it. Results are published when voting closes.""",
            now.minus(Duration.ofDays(2)), today.plusDays(10).atStartOfDay(zone).toInstant(), null, null);
        question(org, open, 1, "Which street should be greened first?", "SINGLE", 1,
            List.of("Market Street", "Station Road", "Lake Avenue", "School Lane"));
        question(org, open, 2, "What should a green street include? Choose up to three.", "MULTIPLE", 3,
            List.of("Shade trees", "Benches", "Rain gardens", "Safer crossings", "Cycle lane", "Drinking fountain"));

        Instant opened = today.minusDays(38).atStartOfDay(zone).toInstant();
        Instant closed = today.minusDays(16).atStartOfDay(zone).toInstant();
        long survey = consultation(org, process, "Street survey: trees or parking?", """
            A paper survey at the Market Hall and Northgate Library booths. The totals were counted by the officers \
            after closing and entered by the demo officer.""", opened, closed, closed, closed.plus(Duration.ofMinutes(5)));
        List<Long> parking = question(org, survey, 1,
            "Should Market Street trade 20 parking spaces for shade trees and benches?", "SINGLE", 1, List.of("Yes", "No"));
        List<Long> streets = question(org, survey, 2, "Which two streets need trees most?", "MULTIPLE", 2,
            List.of("Market Street", "Station Road", "Lake Avenue", "School Lane"));
        long parkingQuestion = questionId(survey, 1);
        long streetsQuestion = questionId(survey, 2);
        // each sheet adds up as PaperTally requires: single choice = valid ballots; multiple between answered and 2 × answered
        tally(org, survey, "Market Hall", 212, 4, officer, closed.plus(Duration.ofHours(3)),
            parkingQuestion, parking, new int[] {131, 69}, 8, streetsQuestion, streets, new int[] {120, 88, 61, 97}, 10);
        tally(org, survey, "Northgate Library", 147, 2, officer, closed.plus(Duration.ofHours(4)),
            parkingQuestion, parking, new int[] {80, 58}, 7, streetsQuestion, streets, new int[] {52, 71, 40, 90}, 5);
    }

    private long phase(long org, long process, ZoneId zone, String title, String description, LocalDate starts,
                       LocalDate ends, String actions) {
        return jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, description, starts_on, ends_on, starts_at,
                                           ends_at, actions)
                VALUES (:org, :process, :title, :description, :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])
                RETURNING id""")
            .param("org", org).param("process", process).param("title", title).param("description", description)
            .param("startsOn", starts).param("endsOn", ends)
            .param("startsAt", ts(starts.atStartOfDay(zone).toInstant()))
            .param("endsAt", ts(ends.plusDays(1).atStartOfDay(zone).toInstant()))
            .param("actions", actions).query(Long.class).single();
    }

    private long debate(long org, long process, long author, boolean anonymous, String title, String body, Instant at) {
        return jdbc.sql("""
                INSERT INTO debate (organization_id, process_id, author_account_id, anonymous, title, body, created_at)
                VALUES (:org, :process, :author, :anonymous, :title, :body, :at) RETURNING id""")
            .param("org", org).param("process", process).param("author", author).param("anonymous", anonymous)
            .param("title", title).param("body", body).param("at", ts(at)).query(Long.class).single();
    }

    private void opinion(long org, long debate, long account, int opinion, Instant at) {
        jdbc.sql("""
                INSERT INTO debate_opinion (organization_id, debate_id, account_id, opinion, given_at)
                VALUES (:org, :debate, :account, :opinion, :at)""")
            .param("org", org).param("debate", debate).param("account", account).param("opinion", opinion)
            .param("at", ts(at)).update();
    }

    private long comment(long org, String type, long target, Long parent, long author, boolean anonymous, String body,
                         Instant at) {
        int depth = parent == null ? 0 : jdbc.sql("SELECT depth + 1 FROM comment WHERE id = :id").param("id", parent)
            .query(Integer.class).single();
        return jdbc.sql("""
                INSERT INTO comment (organization_id, target_type, target_id, parent_id, depth, author_account_id, anonymous,
                                     body, created_at)
                VALUES (:org, :type, :target, :parent, :depth, :author, :anonymous, :body, :at) RETURNING id""")
            .param("org", org).param("type", type).param("target", target).param("parent", parent, java.sql.Types.BIGINT)
            .param("depth", depth).param("author", author).param("anonymous", anonymous).param("body", body)
            .param("at", ts(at)).query(Long.class).single();
    }

    private long consultation(long org, long process, String title, String description, Instant opens, Instant closes,
                              Instant closedAt, Instant sealedAt) {
        return jdbc.sql("""
                INSERT INTO consultation (organization_id, process_id, title, description, opens_at, closes_at, closed_at,
                                          sealed_at, created_at)
                VALUES (:org, :process, :title, :description, :opens, :closes, :closedAt, :sealedAt, :created) RETURNING id""")
            .param("org", org).param("process", process).param("title", title).param("description", description)
            .param("opens", ts(opens)).param("closes", ts(closes))
            .param("closedAt", closedAt == null ? null : ts(closedAt), java.sql.Types.TIMESTAMP)
            .param("sealedAt", sealedAt == null ? null : ts(sealedAt), java.sql.Types.TIMESTAMP)
            .param("created", ts(opens.minus(Duration.ofDays(3)))).query(Long.class).single();
    }

    /** @return the answers' ids, in order */
    private List<Long> question(long org, long consultation, int position, String text, String kind, int maxChoices,
                                List<String> answers) {
        long question = jdbc.sql("""
                INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices)
                VALUES (:org, :consultation, :position, :text, :kind, :max) RETURNING id""")
            .param("org", org).param("consultation", consultation).param("position", position).param("text", text)
            .param("kind", kind).param("max", maxChoices).query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ids.add(jdbc.sql("""
                    INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
                    VALUES (:org, :consultation, :question, :position, :text) RETURNING id""")
                .param("org", org).param("consultation", consultation).param("question", question)
                .param("position", i + 1).param("text", answers.get(i)).query(Long.class).single());
        }
        return ids;
    }

    private long questionId(long consultation, int position) {
        return jdbc.sql("SELECT id FROM consultation_question WHERE consultation_id = :c AND position = :p")
            .param("c", consultation).param("p", position).query(Long.class).single();
    }

    private void tally(long org, long consultation, String booth, int ballots, int nulls, long officer, Instant at,
                       long firstQuestion, List<Long> firstAnswers, int[] firstVotes, int firstBlank,
                       long secondQuestion, List<Long> secondAnswers, int[] secondVotes, int secondBlank) {
        jdbc.sql("""
                INSERT INTO paper_tally (organization_id, consultation_id, booth, ballots, null_ballots, entered_by, entered_at)
                VALUES (:org, :consultation, :booth, :ballots, :nulls, :officer, :at)""")
            .param("org", org).param("consultation", consultation).param("booth", booth).param("ballots", ballots)
            .param("nulls", nulls).param("officer", officer).param("at", ts(at)).update();
        counts(org, consultation, booth, firstQuestion, firstAnswers, firstVotes, firstBlank);
        counts(org, consultation, booth, secondQuestion, secondAnswers, secondVotes, secondBlank);
    }

    private void counts(long org, long consultation, String booth, long question, List<Long> answers, int[] votes, int blank) {
        for (int i = 0; i <= answers.size(); i++) {
            jdbc.sql("""
                    INSERT INTO paper_tally_count (organization_id, consultation_id, booth, question_id, answer_id, votes)
                    VALUES (:org, :consultation, :booth, :question, :answer, :votes)""")
                .param("org", org).param("consultation", consultation).param("booth", booth).param("question", question)
                .param("answer", i < answers.size() ? answers.get(i) : null, java.sql.Types.BIGINT)
                .param("votes", i < answers.size() ? votes[i] : blank).update();
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** Demo City lies around latitude -0.42, longitude 36.95 (platform's DemoCityMap); points fall inside its districts. */
    private static final List<Idea> IDEAS = List.of(
        new Idea("Shade trees along Market Street",
            "Plant twenty shade trees between the market hall and the bus stop.",
            "Stall holders and shoppers stand in full sun all afternoon. Twenty trees with **watering bags** for the first "
                + "dry season would give shade within three years.\n\n- native species\n- tree guards against carts",
            "Trees and shade", "market", -0.421, 36.952, false, 6),
        new Idea("A raised crossing at the school on School Lane",
            "Slow cars down where children cross, with a raised zebra crossing.",
            "Every morning around 7:30 hundreds of children cross School Lane. A raised crossing slows cars to walking pace.",
            "Walking and cycling", "old-town", -0.415, 36.946, false, 5),
        new Idea("Rain gardens at the lower end of Station Road",
            "Let the street soak up its own rain instead of flooding the houses below.",
            "Three rain gardens in the verge would hold the first 20 mm of a storm, where the water now runs into houses.",
            "Water and drainage", "riverside", -0.428, 36.958, false, 4),
        new Idea("Benches every 200 metres on Lake Avenue",
            "Older residents need somewhere to rest on the walk to the lake.",
            "Lake Avenue is 1.2 km long and has two benches. Place one every 200 metres, in the shade where possible.",
            "Walking and cycling", "lakeview", -0.432, 36.965, false, 3),
        new Idea("A drinking fountain at Northgate bus station",
            "Free drinking water where hundreds wait for buses every day.",
            "A fountain with a bottle tap, connected to the mains and cleaned weekly.",
            "Water and drainage", "northgate", -0.405, 36.951, false, 3),
        new Idea("A protected cycle lane from Northgate to the market",
            "A kerb-separated lane so students and workers can cycle safely into town.",
            "The road is wide enough for a 1.8 m lane on each side if parking moves to one side only.",
            "Walking and cycling", "northgate", -0.410, 36.953, false, 2),
        new Idea("Fruit trees in the Hillcrest schoolyard",
            "Mango and avocado trees that pupils look after and harvest.",
            "The school garden club would water and care for them; the harvest goes to the school kitchen.",
            "Trees and shade", "hillcrest", -0.412, 36.940, false, 2),
        new Idea("Permeable paving for the Riverside car park",
            "Replace the cracked asphalt with paving that lets rain through.",
            "The car park floods after every storm. Permeable blocks would let the water drain into the ground.",
            "Water and drainage", "riverside", -0.426, 36.961, true, 1),
        new Idea("Shade sails over the Old Town playground",
            "The slides are too hot to touch by noon.",
            "Shade sails over the play equipment until the young trees are big enough.",
            "Trees and shade", "old-town", -0.418, 36.944, false, 1),
        new Idea("Wider pavements on Church Road",
            "People walk in the road because the pavement is 60 cm wide.",
            "Take 1 m from the carriageway on the east side between the church and the clinic.",
            "Walking and cycling", "old-town", -0.416, 36.949, true, 1),
        new Idea("Street trees instead of the empty planters in Lakeview",
            "The concrete planters have been empty for years: plant real trees in the ground.",
            "Remove the eight planters and plant trees with proper pits and guards.",
            "Trees and shade", "lakeview", -0.434, 36.962, false, 0),
        new Idea("Clean the drains before the long rains",
            "Clear the drains of Market Quarter every March, before they block.",
            "Blocked drains caused most of last year's flooding. A yearly clean-up before the rains costs less than repairs.",
            "Water and drainage", "market", -0.423, 36.955, false, 0),
        new Idea("Safe bicycle parking at the market",
            "Twenty bicycle stands next to the market hall entrance.",
            "Traders and shoppers chain bicycles to the railings. Stands would keep the entrance clear.",
            "Walking and cycling", "market", -0.420, 36.954, false, 0),
        new Idea("A green roof on the Northgate bus shelter",
            "Plants on the shelter roof keep waiting passengers cooler.",
            "A light sedum roof on the main shelter, as a trial before other shelters.",
            "Trees and shade", "northgate", -0.406, 36.949, true, 0),
        new Idea("Night lighting on the riverside path",
            "Solar lights so the path to the river is safe after dark.",
            "Twelve solar lamps along the 600 m path, pointing down so they do not disturb the birds.",
            "Walking and cycling", "riverside", -0.429, 36.960, false, 0));
}
