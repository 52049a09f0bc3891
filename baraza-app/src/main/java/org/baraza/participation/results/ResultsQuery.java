package org.baraza.participation.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts a consultation's ballots, voters and paper sheets. The ballot box is counted by one aggregate over
 * its choices (index-only where the visibility map allows), so 400,000 ballots count in well under a second;
 * the roll is counted only in aggregate, by channel and by district.
 */
@Repository
class ResultsQuery {

    private final JdbcClient jdbc;

    ResultsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts count(ConsultationId consultation) {
        long[] ballots = {0};
        List<Counts.Row> choices = new ArrayList<>();
        // one statement: the total of ballots (question null) and the votes per question, answer and rank
        jdbc.sql("""
                SELECT NULL::bigint AS question_id, NULL::bigint AS answer_id, NULL::smallint AS rank, count(*) AS votes
                FROM ballot WHERE consultation_id = :c
                UNION ALL
                SELECT question_id, answer_id, rank, count(*) FROM ballot_choice WHERE consultation_id = :c
                GROUP BY question_id, answer_id, rank""")
            .param("c", consultation.value())
            .query(rs -> {
                long question = rs.getLong("question_id");
                if (rs.wasNull()) {
                    ballots[0] = rs.getLong("votes");
                } else {
                    choices.add(new Counts.Row(question, nullableLong(rs, "answer_id"), nullableInt(rs, "rank"), rs.getLong("votes")));
                }
            });
        Map<String, Long> voters = new HashMap<>();
        Map<String, Long> byDistrict = new HashMap<>();
        jdbc.sql("""
                SELECT GROUPING(channel) AS by_district, channel, district_code, count(*) AS voters
                FROM voter_roll WHERE consultation_id = :c
                GROUP BY GROUPING SETS ((channel), (district_code))""")
            .param("c", consultation.value())
            .query(rs -> {
                if (rs.getInt("by_district") == 1) {
                    byDistrict.put(rs.getString("district_code"), rs.getLong("voters"));
                } else {
                    voters.put(rs.getString("channel"), rs.getLong("voters"));
                }
            });
        long[] paper = {0, 0, 0};
        jdbc.sql("""
                SELECT count(*) AS booths, coalesce(sum(ballots), 0) AS ballots, coalesce(sum(null_ballots), 0) AS nulls
                FROM paper_tally WHERE consultation_id = :c""")
            .param("c", consultation.value())
            .query(rs -> {
                paper[0] = rs.getLong("booths");
                paper[1] = rs.getLong("ballots");
                paper[2] = rs.getLong("nulls");
            });
        List<Counts.Row> paperChoices = jdbc.sql("""
                SELECT question_id, answer_id, rank, sum(votes) AS votes FROM paper_tally_count WHERE consultation_id = :c
                GROUP BY question_id, answer_id, rank""")
            .param("c", consultation.value())
            .query((rs, row) -> new Counts.Row(rs.getLong("question_id"), nullableLong(rs, "answer_id"), nullableInt(rs, "rank"),
                rs.getLong("votes")))
            .list();
        return new Counts(ballots[0], choices, voters, byDistrict, paper[0], paper[1], paper[2], paperChoices);
    }

    /** Changes whenever a paper sheet is entered or replaced: the only thing that changes results once closed. */
    String paperVersion(ConsultationId consultation) {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(entered_at)::text, '') FROM paper_tally WHERE consultation_id = :c")
            .param("c", consultation.value()).query(String.class).single();
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
