package org.baraza.pb;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    @Test
    void largestFileParsesWellUnderASecond() {
        Path largest = PabulibData.file("Poland_Wroclaw_2015_150_-_500.pb");
        PabulibReader.read(largest);

        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Election election = PabulibReader.read(largest);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(election.ballots()).hasSize(131_778);
        }

        assertThat(best / 1_000_000).as("best parse time in ms").isLessThan(1000);
    }
}
