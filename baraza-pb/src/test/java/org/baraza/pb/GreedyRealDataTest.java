package org.baraza.pb;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code greedy} with lexicographic tie-breaking selects, in the same order, what pabutools 1.2.3 selects
 * on every real file: {@code greedy_av}, or {@code greedy_points} (by total points) for cumulative files.
 */
class GreedyRealDataTest {

    private static final Object EXPECTED = Json.read(PabulibData.expectedPabutools());

    static Stream<Path> dataFiles() {
        return PabulibData.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataFiles")
    void greedyMatchesPabutoolsInSelectionOrder(Path file) {
        Election election = PabulibReader.read(file);
        String key = election.kind().hasPoints() ? "greedy_points" : "greedy_av";
        Object expected = Json.at(EXPECTED, "instances", file.getFileName().toString(), "results", key, "winners");
        assertThat(expected).as("%s in expected-pabutools.json", key).isInstanceOf(List.class);

        Outcome outcome = Rules.named("greedy").apply(election, TieBreak.lexicographic());

        assertThat(outcome.selected()).isEqualTo(expected);
    }
}
