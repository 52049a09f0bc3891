package org.baraza.participation.results;

import java.util.List;
import java.util.Map;

/**
 * What the database counted for a consultation, before any arithmetic: the raw material of {@link Tally}.
 *
 * @param electronicBallots ballots in the box (online and booth)
 * @param choices votes per question, answer (null: blank) and rank (null unless ranked), from the box
 * @param voters people on the roll per channel (ONLINE, BOOTH, PAPER)
 * @param votersByDistrict people on the roll per district code (null: unknown)
 * @param paperChoices the same as {@code choices}, summed over the booths' paper sheets
 */
record Counts(long electronicBallots, List<Row> choices, Map<String, Long> voters, Map<String, Long> votersByDistrict,
              long booths, long paperBallots, long paperNullBallots, List<Row> paperChoices) {

    /** One count: question, answer (null for blanks), rank (null unless ranked), votes. */
    record Row(long questionId, Long answerId, Integer rank, long votes) {
    }

    Counts {
        choices = List.copyOf(choices);
        voters = Map.copyOf(voters);
        votersByDistrict = votersByDistrict == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(votersByDistrict));
        paperChoices = List.copyOf(paperChoices);
    }
}
