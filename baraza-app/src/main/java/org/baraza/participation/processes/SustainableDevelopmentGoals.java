package org.baraza.participation.processes;

import java.util.List;
import java.util.stream.IntStream;

/** The seventeen UN Sustainable Development Goals a process may serve; names are translated as {@code processes.sdg.N}. */
final class SustainableDevelopmentGoals {

    static final List<Integer> ALL = IntStream.rangeClosed(1, 17).boxed().toList();

    private SustainableDevelopmentGoals() {
    }
}
