package org.baraza.participation.consultations;

import org.baraza.participation.ConsultationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many people are on a consultation's voter roll: a count only, which admins may see while it is open. */
@Component
class VoterCount {

    private final JdbcClient jdbc;

    VoterCount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(ConsultationId id) {
        return jdbc.sql("SELECT count(*) FROM voter_roll WHERE consultation_id = :id").param("id", id.value())
            .query(Long.class).single();
    }
}
