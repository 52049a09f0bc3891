package org.baraza.pb;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real pabulib file in shared/data parses, and agrees with its own META counts. */
class PabulibRealDataTest {

    static Stream<Path> dataFiles() {
        return PabulibData.files().stream();
    }

    @Test
    void theFiftyDataFilesAreThere() {
        assertThat(PabulibData.files()).hasSize(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataFiles")
    void realFileParsesWithTheProjectAndVoteCountsOfItsMeta(Path file) {
        Election election = PabulibReader.read(file);

        assertThat(election.projects()).hasSize(Integer.parseInt(election.meta("num_projects")));
        assertThat(election.ballots()).hasSize(Integer.parseInt(election.meta("num_votes")));
        assertThat(election.budget()).isPositive();
    }

    /** The files with the most voters (Wrocław 2015, 131,778) and the benchmark file (Warszawa 2026). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Poland_Wroclaw_2015_150_-_500.pb", "Poland_Warszawa_2026.pb"})
    void largeFileParsesWellUnderASecond(String name) {
        Path file = PabulibData.file(name);
        PabulibReader.read(file);

        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            PabulibReader.read(file);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(best / 1_000_000).as("best parse time in ms").isLessThan(1000);
    }
}
