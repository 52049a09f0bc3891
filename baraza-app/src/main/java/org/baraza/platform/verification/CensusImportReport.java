package org.baraza.platform.verification;

import java.time.Duration;
import java.util.List;

/**
 * What a census upload did, or why it did nothing.
 *
 * @param updated records already present whose birth date or district changed
 * @param unchanged records already present exactly as in the file
 * @param keptBound records absent from a replacing file but kept because someone is verified with them
 * @param problems the first problems by line; {@code problemCount} counts them all
 */
record CensusImportReport(boolean imported, ImportMode mode, long rows, long added, long updated, long unchanged,
                          long removed, long keptBound, List<CensusProblem> problems, long problemCount, Duration took) {

    CensusImportReport {
        problems = List.copyOf(problems);
    }

    static CensusImportReport refused(ImportMode mode, CensusProblems problems, Duration took) {
        return new CensusImportReport(false, mode, 0, 0, 0, 0, 0, 0, problems.first(), problems.total(), took);
    }

    /** The whole upload refused before reading it, e.g. because it is too large. */
    static CensusImportReport refused(ImportMode mode, CensusProblem problem) {
        return new CensusImportReport(false, mode, 0, 0, 0, 0, 0, 0, List.of(problem), 1, Duration.ZERO);
    }
}
