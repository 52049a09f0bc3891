package org.baraza.budgeting.results;

import java.math.BigDecimal;
import org.baraza.platform.SpreadsheetRows;

/**
 * The results as CSV (RFC 4180, UTF-8, CRLF) for re-users: one row per project of each heading with its votes,
 * whether the rule and plain greedy fund it, and why not; then each heading's totals and the turnout. Aggregates
 * only, never a ballot. Text cells a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
final class BudgetResultsCsv {

    static final String HEADER = "kind,heading_id,heading,project_id,project,cost,votes,points,funded,position,"
        + "largest_payment,by_completion,reason,funded_by_greedy,amount";

    private BudgetResultsCsv() {
    }

    static String write(EditionResults results) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (String channel : java.util.List.of("ONLINE", "BOOTH", "PAPER")) {
            SpreadsheetRows.append(csv, "voters_" + channel.toLowerCase(java.util.Locale.ROOT), "", "", "", "", "", results.voters(channel), "", "", "", "",
                "", "", "", "");
        }
        for (HeadingResult heading : results.headings()) {
            long id = heading.heading().id();
            String name = heading.heading().name();
            java.util.Set<Long> greedy = new java.util.HashSet<>();
            heading.comparison().greedyWinners().forEach(p -> greedy.add(p.id()));
            SpreadsheetRows.append(csv, "ballots", id, name, "", "", "", heading.ballots(), "", "", "", "", "", "", "", "");
            SpreadsheetRows.append(csv, "budget", id, name, "", "", "", "", "", "", "", "", "", "", "", plain(heading.budget()));
            SpreadsheetRows.append(csv, "spent", id, name, "", "", "", "", "", "", "", "", "", "", "", plain(heading.spent()));
            SpreadsheetRows.append(csv, "left", id, name, "", "", "", "", "", "", "", "", "", "", "", plain(heading.left()));
            if (heading.endowmentPerVoter() != null) {
                SpreadsheetRows.append(csv, "equal_share", id, name, "", "", "", "", "", "", "", "", "", "", "", plain(heading.endowmentPerVoter()));
            }
            SpreadsheetRows.append(csv, "voters_satisfied_rule", id, name, "", "", "", heading.comparison().satisfiedUnderRule(), "", "", "", "", "", "",
                "", "");
            SpreadsheetRows.append(csv, "voters_satisfied_greedy", id, name, "", "", "", heading.comparison().satisfiedUnderGreedy(), "", "", "", "", "",
                "", "", "");
            for (HeadingResult.Winner winner : heading.winners()) {
                BallotProject p = winner.project();
                SpreadsheetRows.append(csv, "project", id, name, p.id(), p.title(), plain(p.cost()), winner.votes(), winner.points(), 1, winner.position(),
                    plain(winner.largestPayment()), winner.byCompletion() ? 1 : 0, "", greedy.contains(p.id()) ? 1 : 0, "");
            }
            for (HeadingResult.NotFunded project : heading.notFunded()) {
                BallotProject p = project.project();
                SpreadsheetRows.append(csv, "project", id, name, p.id(), p.title(), plain(p.cost()), project.votes(), project.points(), 0, "", "", "",
                    project.reason().name().toLowerCase(java.util.Locale.ROOT), greedy.contains(p.id()) ? 1 : 0,
                    plain(project.supportersMoneyLeft()));
            }
        }
        return csv.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
