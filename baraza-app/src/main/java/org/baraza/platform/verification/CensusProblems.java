package org.baraza.platform.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in a census file: all are counted, the first few (by line) are kept for the report. */
final class CensusProblems {

    static final int SHOWN = 20;

    private final List<CensusProblem> first = new ArrayList<>();
    private long total;

    void add(CensusProblem problem) {
        total++;
        first.add(problem);
        if (first.size() > SHOWN) {
            first.sort(Comparator.comparingLong(CensusProblem::line));
            first.remove(first.size() - 1);
        }
    }

    /** Counts {@code count} problems of which only {@code shown} are given (they were looked up apart). */
    void addCounted(List<CensusProblem> shown, long count) {
        shown.forEach(this::add);
        total += count - shown.size();
    }

    boolean isEmpty() {
        return total == 0;
    }

    long total() {
        return total;
    }

    List<CensusProblem> first() {
        return first.stream().sorted(Comparator.comparingLong(CensusProblem::line)).toList();
    }
}
