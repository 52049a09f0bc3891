package org.baraza.budgeting.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * Two participatory budgets in Demo City, so that every budgeting page has something real to show:
 * "Participatory budget 2027", whose balloting is open now (lasting well into 2027), and "Participatory
 * budget 2026", all of whose phases are past (its ballots are seeded by the ballots package, its results
 * computed by the results package). Each has a city-wide heading and one per district, with realistic
 * projects, most of them valued feasible, a few not (with the valuator's reason), and one incompatible
 * pair. Supports come only from the demo resident's account: no invented people.
 *
 * <p>Demo seeding is the one place budgeting writes participation's tables (the process and its phases),
 * because there is no API to create a process with phases in the past. Runs after the platform's demo
 * (which creates Demo City), once: an edition with the same title is left as it is.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoBudgets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBudgets.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoBudgets(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A project of the demo: heading index 0 is city-wide, 1.. the districts in their order. */
    private record Idea(int heading, String title, String description, String estimate, String cost, String unfeasible,
                        double north, double east, boolean supportedByResident) {
    }

    private static final List<Idea> IDEAS = List.of(
        new Idea(0, "Protected bike lanes on the ring road",
            "Six kilometres of kerb-separated bike lanes on both sides of the ring road, with safe crossings at the five busiest junctions.\n\nToday cyclists share the road with lorries; parents do not let children ride to school.",
            "650000", "720000.00", null, 0.010, 0.030, true),
        new Idea(0, "Library open in the evenings and on Sundays",
            "Keep the central library open until 21:00 on weekdays and from 10:00 to 17:00 on Sundays for two years: staff, heating and lighting.",
            "180000", "210000.00", null, 0.002, -0.003, true),
        new Idea(0, "Drinking water points in every market",
            "Twelve public drinking fountains with bottle fillers, one in each market, connected to the mains and cleaned daily.",
            "95000", "110000.00", null, -0.004, 0.006, false),
        new Idea(0, "Street lighting on the walk to the bus station",
            "LED street lights every 25 metres along the 1.8 km footpath from the bus station to the old town, where people feel unsafe after dark.",
            "140000", "155000.00", null, -0.008, -0.012, true),
        new Idea(0, "Plant 2,000 shade trees",
            "Native shade trees along the main avenues, with three years of watering and care by the parks department.",
            "260000", "240000.00", null, 0.015, 0.010, false),
        new Idea(0, "Free Wi-Fi in public squares",
            "Public Wi-Fi in the eight main squares, so that students and traders can get online.",
            "80000", "98000.00", null, 0.000, 0.008, false),
        new Idea(0, "A cable car to Hillcrest",
            "A cable car from the centre to Hillcrest so that residents avoid the steep road.",
            "900000", null, "A cable car of this length costs well over ten times this heading's budget to build, and its yearly running cost alone would exceed it. The transport department studies cheaper bus links to Hillcrest instead.",
            0.030, 0.020, false),
        new Idea(0, "Covered market hall: new roof",
            "Replace the leaking roof of the covered market hall with insulated panels and gutters that collect rainwater.",
            "400000", "430000.00", null, -0.001, 0.001, false),
        new Idea(0, "Covered market hall: solar roof",
            "Replace the leaking roof of the covered market hall with a roof of solar panels that powers the hall's lights and cold rooms.",
            "520000", "560000.00", null, -0.001, 0.0015, false),
        new Idea(1, "Old Town: pedestrian Sundays on Main Street",
            "Close Main Street to cars every Sunday: movable planters, benches and signs, and marshals for the first six months.",
            "45000", "52000.00", null, 0.001, -0.002, true),
        new Idea(1, "Old Town: restore the clock tower",
            "Repair the clock mechanism and the stonework of the clock tower, and light it at night.",
            "120000", "135000.00", null, 0.0005, 0.0005, false),
        new Idea(1, "Old Town: public toilets near the bus stops",
            "Two accessible public toilets with hand washing, near the busiest bus stops, cleaned twice a day.",
            "70000", "76000.00", null, -0.002, 0.003, false),
        new Idea(2, "Northgate: playground in Jacaranda Park",
            "A playground for children from 2 to 12 with swings, a climbing frame and soft ground, fenced, with benches in the shade.",
            "85000", "92000.00", null, 0.030, 0.002, true),
        new Idea(2, "Northgate: football pitch lights",
            "Floodlights for the community football pitch so that teams can train after work.",
            "60000", "64000.00", null, 0.028, -0.004, false),
        new Idea(2, "Northgate: build a stadium",
            "A 10,000-seat stadium for Northgate.",
            "2000000", null, "A stadium costs many times the Northgate heading's budget, and the land named belongs to the national railway, which has not agreed to sell it.",
            0.032, 0.006, false),
        new Idea(3, "Riverside: clean-up and river path",
            "Clear the rubbish from the river banks and lay a 2 km gravel path with bins and benches.",
            "110000", "118000.00", null, -0.005, 0.030, true),
        new Idea(3, "Riverside: footbridge to the school",
            "A footbridge over the river so that pupils need not walk round by the road bridge.",
            "150000", "168000.00", null, -0.008, 0.028, false),
        new Idea(3, "Riverside: flood warning sirens",
            "Three sirens linked to the river gauge, with a text message alert for the streets that flood.",
            "40000", "45000.00", null, -0.006, 0.033, false),
        new Idea(4, "Market Quarter: shade over the open market",
            "Fabric shade sails over the open market so that traders and customers are out of the midday sun.",
            "55000", "61000.00", null, -0.030, 0.004, true),
        new Idea(4, "Market Quarter: waste sorting station",
            "A staffed station where traders sort organic waste, plastic and cardboard, with weekly compost collection.",
            "75000", "82000.00", null, -0.028, -0.002, false),
        new Idea(4, "Market Quarter: move the market to the bypass",
            "Move the whole market out of the quarter to a new site on the bypass.",
            "800000", null, "Moving the market is a decision for the council's land-use plan, not for this budget, and the traders' association has not been consulted.",
            -0.032, 0.010, false),
        new Idea(5, "Hillcrest: paved steps to the upper estate",
            "Replace the muddy path to the upper estate with lit concrete steps and a handrail.",
            "90000", "99000.00", null, 0.008, -0.030, false),
        new Idea(5, "Hillcrest: community health corner",
            "Equip the community hall with a room where nurses hold weekly check-ups for older residents.",
            "50000", "57000.00", null, 0.006, -0.028, true),
        new Idea(5, "Hillcrest: rainwater tanks for the school",
            "Four 10,000-litre tanks collecting rainwater from the school roofs, for toilets and the garden.",
            "35000", "38000.00", null, 0.010, -0.032, false),
        new Idea(6, "Lakeview: lakeside benches and bins",
            "Forty benches and twenty bins along the lakeside promenade.",
            "30000", "34000.00", null, -0.012, -0.025, true),
        new Idea(6, "Lakeview: lifeguard post in summer",
            "A lifeguard post at the public beach from December to March, with first aid equipment.",
            "65000", "72000.00", null, -0.015, -0.028, false),
        new Idea(6, "Lakeview: youth music studio",
            "Soundproof a room in the youth centre and equip it for young people to record music.",
            "45000", "48000.00", null, -0.010, -0.022, false),
        new Idea(6, "Lakeview: a marina for private boats",
            "A marina with 200 moorings for private boats.",
            "700000", null, "A marina mainly serves boat owners rather than the public, and the lake's environmental permit forbids new moorings on this shore.",
            -0.018, -0.030, false));

    private static final String[] DISTRICT_BUDGETS = {"300000", "350000", "320000", "280000", "260000", "240000"};

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> city = jdbc.sql("SELECT id FROM organization WHERE slug = 'demo-city'").query(Long.class).optional();
        if (city.isEmpty()) {
            return;
        }
        long organization = city.get();
        ZoneId zone = ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = :id").param("id", organization)
            .query(String.class).single());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // 2026 first, so that 2027 is the newer edition: every phase of 2026 is over
        seed(organization, zone, "Participatory budget 2026", "1200000", new LocalDate[][] {
            {today.minusDays(420), today.minusDays(391)}, {today.minusDays(390), today.minusDays(361)},
            {today.minusDays(360), today.minusDays(331)}, {today.minusDays(330), today.minusDays(301)},
            {today.minusDays(300), today.minusDays(271)}, {today.minusDays(270), today.minusDays(1)}}, false);
        // 2027: the ideas, supports and review are over, balloting runs now until mid-2027
        seed(organization, zone, "Participatory budget 2027", "1500000", new LocalDate[][] {
            {today.minusDays(120), today.minusDays(61)}, {today.minusDays(60), today.minusDays(31)},
            {today.minusDays(30), today.minusDays(8)}, {today.minusDays(7), LocalDate.of(2027, 6, 30).isAfter(today.plusDays(30))
                ? LocalDate.of(2027, 6, 30) : today.plusDays(200)},
            null, null}, true);
    }

    private void seed(long organization, ZoneId zone, String title, String cityBudget, LocalDate[][] dates, boolean current) {
        boolean exists = jdbc.sql("SELECT count(*) FROM budget_edition WHERE organization_id = :org AND title = :title")
            .param("org", organization).param("title", title).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            var now = Timestamp.from(clock.instant());
            long process = jdbc.sql("""
                    INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                    VALUES (:org, :title, :description, true, :now, :now) RETURNING id""")
                .param("org", organization).param("title", title)
                .param("description", "Residents of Demo City propose projects, support them and vote on how to spend "
                    + "part of the city's budget. Winners are chosen by the Method of Equal Shares.")
                .param("now", now).query(Long.class).single();
            String[][] phases = {
                {"Idea submission", "CREATE_PROPOSALS,COMMENT"}, {"Supports", "SUPPORT,COMMENT"},
                {"Feasibility review", "COMMENT"}, {"Balloting", "VOTE"}, {"Results", ""}, {"Execution", ""}};
            LocalDate[] results = dates[3][1] == null ? null : new LocalDate[] {dates[3][1].plusDays(1), dates[3][1].plusDays(31)};
            for (int i = 0; i < phases.length; i++) {
                LocalDate[] span = dates[i] != null ? dates[i]
                    : i == 4 ? results : new LocalDate[] {results[1].plusDays(1), results[1].plusDays(240)};
                jdbc.sql("""
                        INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                        VALUES (:org, :process, :title, :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])""")
                    .param("org", organization).param("process", process).param("title", phases[i][0])
                    .param("startsOn", span[0]).param("endsOn", span[1])
                    .param("startsAt", Timestamp.from(span[0].atStartOfDay(zone).toInstant()))
                    .param("endsAt", Timestamp.from(span[1].plusDays(1).atStartOfDay(zone).toInstant()))
                    .param("actions", "{" + phases[i][1] + "}").update();
            }
            long edition = jdbc.sql("""
                    INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, rule, tie_break,
                                                created_at, updated_at)
                    VALUES (:org, :process, :title, 'APPROVAL', 5, 'mes-add1', 'cost-then-votes', :now, :now) RETURNING id""")
                .param("org", organization).param("process", process).param("title", title).param("now", now)
                .query(Long.class).single();
            List<String[]> districts = jdbc.sql("SELECT code, name FROM district WHERE organization_id = :org ORDER BY id")
                .param("org", organization).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            long[] headings = new long[districts.size() + 1];
            headings[0] = heading(organization, edition, "Whole city", null, cityBudget, 0);
            for (int d = 0; d < districts.size(); d++) {
                headings[d + 1] = heading(organization, edition, districts.get(d)[1], districts.get(d)[0],
                    DISTRICT_BUDGETS[d % DISTRICT_BUDGETS.length], d + 1);
            }
            Long resident = account(organization, "resident@demo.city");
            Long valuator = account(organization, "valuator@demo.city");
            double[] centre = {-0.42, 36.95};
            long[] marketRoofs = new long[2];
            for (Idea idea : IDEAS) {
                if (idea.heading() >= headings.length) {
                    continue;
                }
                String district = idea.heading() == 0 ? null : districts.get(idea.heading() - 1)[0];
                long project = jdbc.sql("""
                        INSERT INTO budget_project (organization_id, edition_id, heading_id, author_account_id, title, description,
                                                    district_code, latitude, longitude, estimated_cost, cost, feasibility,
                                                    valuation_explanation, valuated_by, valuated_at, created_at, updated_at)
                        VALUES (:org, :edition, :heading, :author, :title, :description, :district, :lat, :lon, :estimate,
                                :cost, :feasibility, :explanation, :valuator, :now, :now, :now) RETURNING id""")
                    .param("org", organization).param("edition", edition).param("heading", headings[idea.heading()])
                    .param("author", idea.supportedByResident() && current ? resident : null, Types.BIGINT)
                    .param("title", idea.title()).param("description", idea.description())
                    .param("district", district, Types.VARCHAR)
                    .param("lat", centre[0] + idea.north()).param("lon", centre[1] + idea.east())
                    .param("estimate", new BigDecimal(idea.estimate()))
                    .param("cost", idea.cost() == null ? null : new BigDecimal(idea.cost()), Types.NUMERIC)
                    .param("feasibility", idea.unfeasible() == null ? "FEASIBLE" : "UNFEASIBLE")
                    .param("explanation", idea.unfeasible() != null ? idea.unfeasible()
                        : "The cost covers design, works, materials and the first year of upkeep, as estimated by the city's engineers.")
                    .param("valuator", valuator, Types.BIGINT).param("now", now).query(Long.class).single();
                if (valuator != null) {
                    jdbc.sql("INSERT INTO budget_project_valuator (organization_id, project_id, account_id) VALUES (:org, :p, :a)")
                        .param("org", organization).param("p", project).param("a", valuator).update();
                }
                if (idea.supportedByResident() && resident != null) {
                    jdbc.sql("""
                            INSERT INTO budget_project_support (organization_id, project_id, account_id, supported_at)
                            VALUES (:org, :p, :a, :now)""")
                        .param("org", organization).param("p", project).param("a", resident).param("now", now).update();
                    jdbc.sql("UPDATE budget_project SET supports = 1 WHERE id = :p").param("p", project).update();
                }
                if (idea.title().startsWith("Covered market hall")) {
                    marketRoofs[marketRoofs[0] == 0 ? 0 : 1] = project;
                }
            }
            if (marketRoofs[0] != 0 && marketRoofs[1] != 0) {
                // two designs for one roof: at most one can be built
                jdbc.sql("""
                        INSERT INTO budget_incompatibility (organization_id, edition_id, project_low, project_high)
                        VALUES (:org, :edition, :low, :high)""")
                    .param("org", organization).param("edition", edition)
                    .param("low", Math.min(marketRoofs[0], marketRoofs[1])).param("high", Math.max(marketRoofs[0], marketRoofs[1]))
                    .update();
            }
            log.info("demo participatory budget created: edition {}", edition);
        });
    }

    private long heading(long organization, long edition, String name, String district, String budget, int position) {
        return jdbc.sql("""
                INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget, position)
                VALUES (:org, :edition, :name, :district, :budget, :position) RETURNING id""")
            .param("org", organization).param("edition", edition).param("name", name)
            .param("district", district, Types.VARCHAR).param("budget", new BigDecimal(budget)).param("position", position)
            .query(Long.class).single();
    }

    private Long account(long organization, String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", organization).param("login", login).query(Long.class).optional().orElse(null);
    }
}
