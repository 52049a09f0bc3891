package org.baraza.participation.testing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test processes and consultations, written straight to the tables: a published process in a voting phase
 * around now, and a consultation open now (or as the test wants it) with the questions it asks for.
 */
public final class Polls {

    /** A question as created: its id, the ids of its answers in order, and its kind. */
    public record Q(long id, List<Long> answers, String kind, int max) {
        public String field() {
            return "q" + id;
        }

        public String answer(int index) {
            return Long.toString(answers.get(index));
        }
    }

    /** A consultation as created. */
    public record Poll(OrganizationId organization, ProcessId process, ConsultationId id, List<Q> questions) {
        public Q question(int index) {
            return questions.get(index);
        }

        public String page() {
            return "/consultations/" + id.value();
        }

        public String ballot() {
            return page() + "/ballot";
        }
    }

    private final JdbcClient jdbc;
    private final java.util.function.Consumer<ConsultationId> changed;

    public Polls(JdbcClient jdbc) {
        this(jdbc, id -> { });
    }

    /** @param changed told of a consultation changed behind the application's back (e.g. ConsultationCatalogue::forget) */
    public Polls(JdbcClient jdbc, java.util.function.Consumer<ConsultationId> changed) {
        this.jdbc = jdbc;
        this.changed = changed;
    }

    /** A published, city-wide process in a phase open to voting from yesterday to a month ahead. */
    public ProcessId votingProcess(OrganizationId organization) {
        return process(organization, "{VOTE,COMMENT}");
    }

    /** A published, city-wide process whose current phase (two days ago to a month ahead) allows these actions. */
    public ProcessId process(OrganizationId organization, String actions) {
        long id = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:org, :title, 'A test process.', true, now(), now()) RETURNING id""")
            .param("org", organization.value()).param("title", "Test process " + System.nanoTime())
            .query(Long.class).single();
        LocalDate today = LocalDate.now(zone(organization));
        phase(organization, new ProcessId(id), "Voting", today.minusDays(2), today.plusDays(30), actions);
        return new ProcessId(id);
    }

    public void phase(OrganizationId organization, ProcessId process, String title, LocalDate from, LocalDate to, String actions) {
        jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                VALUES (:org, :process, :title, :from, :to, :startsAt, :endsAt, :actions::text[])""")
            .param("org", organization.value()).param("process", process.value()).param("title", title)
            .param("from", from).param("to", to)
            .param("startsAt", Timestamp.from(from.atStartOfDay(zone(organization)).toInstant()))
            .param("endsAt", Timestamp.from(to.plusDays(1).atStartOfDay(zone(organization)).toInstant()))
            .param("actions", actions).update();
    }

    /** The municipality's time zone, in which phase days begin and end. */
    public java.time.ZoneId zone(OrganizationId organization) {
        return java.time.ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = :id").param("id", organization.value())
            .query(String.class).single());
    }

    /** A consultation of a new voting process, open from an hour ago to a day ahead. */
    public Builder open(OrganizationId organization) {
        return new Builder(organization, votingProcess(organization));
    }

    public Builder in(OrganizationId organization, ProcessId process) {
        return new Builder(organization, process);
    }

    /** Moves a consultation's closing time to the past (as if its date had come): the next look records it closed. */
    public void pastClosingDate(ConsultationId id) {
        jdbc.sql("UPDATE consultation SET closes_at = now() - interval '1 second', opens_at = least(opens_at, now() - interval '2 seconds') WHERE id = :id")
            .param("id", id.value()).update();
        changed.accept(id);
    }

    /** Builds a consultation. */
    public final class Builder {
        private final OrganizationId organization;
        private final ProcessId process;
        private Instant opensAt = Instant.now().minus(Duration.ofHours(1));
        private Instant closesAt = Instant.now().plus(Duration.ofDays(1));
        private String district;
        private Integer minimumAge;
        private final List<Object[]> questions = new ArrayList<>();

        Builder(OrganizationId organization, ProcessId process) {
            this.organization = organization;
            this.process = process;
        }

        public Builder opens(Instant at) {
            this.opensAt = at;
            return this;
        }

        public Builder closes(Instant at) {
            this.closesAt = at;
            return this;
        }

        public Builder district(String code) {
            this.district = code;
            return this;
        }

        public Builder minimumAge(int years) {
            this.minimumAge = years;
            return this;
        }

        public Builder single(String text, String... answers) {
            questions.add(new Object[] {"SINGLE", 1, text, answers});
            return this;
        }

        public Builder multiple(int max, String text, String... answers) {
            questions.add(new Object[] {"MULTIPLE", max, text, answers});
            return this;
        }

        public Builder ranked(int k, String text, String... answers) {
            questions.add(new Object[] {"RANKED", k, text, answers});
            return this;
        }

        public Builder yesNo(String text) {
            questions.add(new Object[] {"YES_NO", 1, text, new String[] {"YES", "NO"}});
            return this;
        }

        public Poll create() {
            long id = jdbc.sql("""
                    INSERT INTO consultation (organization_id, process_id, title, description, opens_at, closes_at,
                                              eligible_district_code, minimum_age, created_at)
                    VALUES (:org, :process, :title, 'A test consultation.', :opens, :closes, :district, :age, now()) RETURNING id""")
                .param("org", organization.value()).param("process", process.value()).param("title", "Test poll " + System.nanoTime())
                .param("opens", Timestamp.from(opensAt)).param("closes", Timestamp.from(closesAt))
                .param("district", district, java.sql.Types.VARCHAR).param("age", minimumAge, java.sql.Types.SMALLINT)
                .query(Long.class).single();
            List<Q> created = new ArrayList<>();
            int position = 0;
            for (Object[] question : questions) {
                position++;
                long questionId = jdbc.sql("""
                        INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices)
                        VALUES (:org, :c, :position, :text, :kind, :max) RETURNING id""")
                    .param("org", organization.value()).param("c", id).param("position", position).param("text", question[2])
                    .param("kind", question[0]).param("max", question[1]).query(Long.class).single();
                List<Long> answers = new ArrayList<>();
                String[] texts = (String[]) question[3];
                for (int i = 0; i < texts.length; i++) {
                    answers.add(jdbc.sql("""
                            INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
                            VALUES (:org, :c, :q, :position, :text) RETURNING id""")
                        .param("org", organization.value()).param("c", id).param("q", questionId).param("position", i + 1)
                        .param("text", texts[i]).query(Long.class).single());
                }
                created.add(new Q(questionId, answers, (String) question[0], (Integer) question[1]));
            }
            return new Poll(organization, process, new ConsultationId(id), created);
        }
    }
}
