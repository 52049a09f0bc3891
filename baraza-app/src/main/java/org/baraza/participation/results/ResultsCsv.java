package org.baraza.participation.results;

import java.util.List;
import java.util.function.Function;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Question;
import org.baraza.platform.SpreadsheetRows;

/**
 * The results as CSV (RFC 4180, UTF-8, CRLF), one table for re-users: aggregates only, never a ballot and
 * never an account. A {@code kind} column says what each row counts. Text cells that a spreadsheet would
 * take for a formula are prefixed with an apostrophe.
 */
final class ResultsCsv {

    static final String HEADER = "kind,question_number,question,answer,rank,votes,box_votes,paper_votes,percent,borda_points";

    private ResultsCsv() {
    }

    /** @param yesNo the translated words for YES and NO */
    static String write(Results results, Function<String, String> yesNo) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        SpreadsheetRows.append(csv, "ballots_box", "", "", "", "", results.electronicBallots(), results.electronicBallots(), 0, "", "");
        SpreadsheetRows.append(csv, "ballots_paper", "", "", "", "", results.paperBallots(), 0, results.paperBallots(), "", "");
        SpreadsheetRows.append(csv, "ballots_paper_null", "", "", "", "", results.paperNullBallots(), 0, results.paperNullBallots(), "", "");
        SpreadsheetRows.append(csv, "turnout_channel", "", "", "online", "", results.turnout().online(), "", "", "", "");
        SpreadsheetRows.append(csv, "turnout_channel", "", "", "booth", "", results.turnout().booth(), "", "", "", "");
        SpreadsheetRows.append(csv, "turnout_channel", "", "", "paper", "", results.turnout().paper(), "", "", "", "");
        for (Results.DistrictTurnout district : results.turnout().districts()) {
            SpreadsheetRows.append(csv, "turnout_district", "", "", district.name(), "", district.shown(), "", "", "", "");
        }
        int number = 0;
        for (Results.QuestionResult question : results.questions()) {
            number++;
            Question q = question.question();
            SpreadsheetRows.append(csv, "blank", number, q.text(), "", "", question.blank(), "", "", "", "");
            for (Results.AnswerResult answer : question.answers()) {
                String text = label(q, answer.answer(), yesNo);
                if (q.isRanked()) {
                    List<Long> perRank = answer.perRank();
                    for (int rank = 1; rank <= perRank.size(); rank++) {
                        SpreadsheetRows.append(csv, "rank", number, q.text(), text, rank, perRank.get(rank - 1), "", "", "", "");
                    }
                    SpreadsheetRows.append(csv, "borda", number, q.text(), text, "", answer.votes(), answer.electronic(), answer.paper(),
                        answer.percent(), answer.bordaPoints());
                } else {
                    SpreadsheetRows.append(csv, "answer", number, q.text(), text, "", answer.votes(), answer.electronic(), answer.paper(),
                        answer.percent(), "");
                }
            }
        }
        return csv.toString();
    }

    static String label(Question question, Answer answer, Function<String, String> yesNo) {
        return question.isYesNo() ? yesNo.apply(answer.text()) : answer.text();
    }
}
