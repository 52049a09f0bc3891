package org.baraza.budgeting.ballots;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baraza.platform.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paper ballots, entered by officers once voting has closed: one sheet at a time from the form, or a CSV
 * file of sheets. A sheet is a ballot of one heading, checked by the same rules as any other, put in the
 * box with a random key and no receipt; nothing links it to the people marked as voting on paper. An
 * import is all or nothing. The audit trail records counts only, never what a sheet says.
 */
@Service
class PaperSheets {

    /** Errors beyond this many are not listed: the officer fixes the file and tries again. */
    static final int MAX_ERRORS = 20;
    static final int MAX_LINE = 20_000;
    private static final int BATCH = 2_000;

    sealed interface Entry {
    }

    record Entered(long sheets) implements Entry {
    }

    record Refused(CastBudgetBallot.Refusal reason) implements Entry {
    }

    /** @param errors the first {@link #MAX_ERRORS} errors, each with its line (0 for a sheet entered by form) */
    record Invalid(List<LineError> errors, boolean more) implements Entry {
    }

    record LineError(long line, Violation violation) {
    }

    private final CastBudgetBallot cast;
    private final BudgetBallotBox box;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    PaperSheets(CastBudgetBallot cast, BudgetBallotBox box, TransactionTemplate transaction, AuditTrail audit) {
        this.cast = cast;
        this.box = box;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** Why sheets may not be entered now, if so: only after voting closed and before results are published. */
    java.util.Optional<CastBudgetBallot.Refusal> refusal(BallotEdition edition) {
        if (edition.resultsPublished()) {
            return java.util.Optional.of(CastBudgetBallot.Refusal.RESULTS_PUBLISHED);
        }
        if (!cast.votingClosed(edition)) {
            return java.util.Optional.of(CastBudgetBallot.Refusal.NOT_CLOSED);
        }
        return java.util.Optional.empty();
    }

    Entry enter(long officerAccountId, BallotEdition edition, BallotOffer offer, BallotOffer.Read read) {
        var refusal = refusal(edition);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        BallotOffer.Checked checked = offer.sheet(read.draft().heading(), read.draft(), read.violations());
        if (checked instanceof BallotOffer.Invalid invalid) {
            return new Invalid(invalid.violations().stream().map(v -> new LineError(0, v)).toList(), false);
        }
        BudgetBallot ballot = ((BallotOffer.Valid) checked).ballot();
        return transaction.execute(status -> {
            if (!stillOpenForSheets(edition)) {
                return new Refused(CastBudgetBallot.Refusal.RESULTS_PUBLISHED);
            }
            box.deposit(edition.organization(), edition.id(), null, ballot);
            audit.record(edition.organization(), officerAccountId, "budget.paper.entered", "budget-edition:" + edition.id(),
                Map.of("sheets", "1"));
            return new Entered(1);
        });
    }

    /**
     * Imports a CSV of sheets, one per line: the heading id, then the projects chosen: project ids
     * (approval, knapsack), {@code project:points} (cumulative), or project ids in order of preference
     * (ranked). Blank lines, lines starting with # and a first line of column names are skipped.
     */
    Entry importCsv(long officerAccountId, BallotEdition edition, BallotOffer offer, Reader csv) {
        var refusal = refusal(edition);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return transaction.execute(status -> {
            if (!stillOpenForSheets(edition)) {
                return new Refused(CastBudgetBallot.Refusal.RESULTS_PUBLISHED);
            }
            List<LineError> errors = new ArrayList<>();
            boolean more = false;
            List<BudgetBallot> batch = new ArrayList<>();
            long sheets = 0;
            long lineNumber = 0;
            try (BufferedReader lines = new BufferedReader(csv)) {
                String line;
                while ((line = readLine(lines)) != null) {
                    lineNumber++;
                    if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    if (lineNumber == 1 && !Character.isDigit(trimmed.charAt(0))) {
                        continue;
                    }
                    if (line.length() > MAX_LINE) {
                        more |= !add(errors, new LineError(lineNumber, Violation.of("file", "csvLineTooLong", MAX_LINE)));
                        continue;
                    }
                    List<Violation> violations = new ArrayList<>();
                    BallotOffer.Draft draft = parse(offer, trimmed, violations);
                    BallotOffer.Checked checked = draft == null ? new BallotOffer.Invalid(violations)
                        : offer.sheet(draft.heading(), draft, violations);
                    if (checked instanceof BallotOffer.Invalid invalid) {
                        for (Violation violation : invalid.violations()) {
                            more |= !add(errors, new LineError(lineNumber, violation));
                        }
                    } else if (errors.isEmpty()) {
                        batch.add(((BallotOffer.Valid) checked).ballot());
                        sheets++;
                        if (batch.size() == BATCH) {
                            box.depositAll(edition.organization(), edition.id(), null, batch);
                            batch.clear();
                        }
                    }
                }
            } catch (IOException unreadable) {
                add(errors, new LineError(lineNumber, Violation.of("file", "csvUnreadable")));
            }
            if (errors.isEmpty() && sheets == 0) {
                errors.add(new LineError(0, Violation.of("file", "csvEmpty")));
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return new Invalid(errors, more);
            }
            if (!batch.isEmpty()) {
                box.depositAll(edition.organization(), edition.id(), null, batch);
            }
            audit.record(edition.organization(), officerAccountId, "budget.paper.imported", "budget-edition:" + edition.id(),
                Map.of("sheets", Long.toString(sheets)));
            return new Entered(sheets);
        });
    }

    /** Reads a line, but never more than {@link #MAX_LINE} + 1 characters of it into memory. */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            if (line.length() <= MAX_LINE) {
                line.append((char) c);
            }
        }
        return any ? line.toString() : null;
    }

    /** One CSV line as a sheet's marks; null (with the reason) if its heading cannot be read. */
    static BallotOffer.Draft parse(BallotOffer offer, String line, List<Violation> violations) {
        String[] cells = line.split("[,;]", -1);
        Long heading = BallotOffer.number(cells[0]);
        if (heading == null) {
            violations.add(Violation.of("file", "csvHeading"));
            return null;
        }
        List<BallotOffer.Mark> marks = new ArrayList<>();
        int rank = 0;
        for (int i = 1; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (offer.rules().points()) {
                int colon = cell.indexOf(':');
                Long project = colon < 0 ? null : BallotOffer.number(cell.substring(0, colon));
                Integer points = colon < 0 ? null : BallotOffer.integer(cell.substring(colon + 1));
                if (project == null || points == null) {
                    violations.add(Violation.of("file", "csvPoints", shown(cell)));
                } else {
                    marks.add(new BallotOffer.Mark(project, points, null));
                }
                continue;
            }
            Long project = BallotOffer.number(cell);
            if (project == null) {
                violations.add(Violation.of("file", "csvProject", shown(cell)));
                continue;
            }
            rank++;
            marks.add(new BallotOffer.Mark(project, 1, offer.rules().ranks() ? rank : null));
        }
        return new BallotOffer.Draft(heading, marks);
    }

    private boolean stillOpenForSheets(BallotEdition edition) {
        return box.lockForVoting(edition.organization(), edition.id()).map(published -> !published).orElse(false);
    }

    private static boolean add(List<LineError> errors, LineError error) {
        if (errors.size() >= MAX_ERRORS) {
            return false;
        }
        errors.add(error);
        return true;
    }

    private static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
