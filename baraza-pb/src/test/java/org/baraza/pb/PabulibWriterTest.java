package org.baraza.pb;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class PabulibWriterTest {

    static Stream<Path> dataFiles() {
        return PabulibData.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataFiles")
    void everyRealElectionReadsBackEqualAfterWriting(Path file) {
        Election election = PabulibReader.read(file);

        Election again = readBack(election);

        assertThat(again).isEqualTo(election);
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuotedAndReadBackExactly() {
        Map<String, String> attributes = Map.of(
            "name", "\"Konikowo\" - plac; zabaw",
            "description", "two\nlines",
            "category", "culture,education");
        Election election = election(BallotKind.APPROVAL,
            List.of(new Project("A;1", new BigDecimal("1019940.37"), attributes), new Project("B", BigDecimal.ONE)),
            List.of(Ballot.approving("v;1", List.of("B", "A;1")), Ballot.approving("v2", List.of())));

        String text = PabulibWriter.toText(election);

        assertThat(text).contains("\"A;1\";1019940.37;").contains("\"\"\"Konikowo\"\" - plac; zabaw\"")
            .contains("\"v;1\";\"B,A;1\"").doesNotContain("\r");
        assertThat(readBack(election)).isEqualTo(election);
    }

    @Test
    void pointsBallotsAreWrittenWithTheirPoints() {
        Election election = election(BallotKind.CUMULATIVE,
            List.of(new Project("1", BigDecimal.TEN), new Project("2", BigDecimal.TEN)),
            List.of(new Ballot("v1", List.of("2", "1"), List.of(7L, 3L))));

        assertThat(PabulibWriter.toText(election)).contains("voter_id;vote;points\nv1;2,1;7,3\n");
        assertThat(readBack(election)).isEqualTo(election);
    }

    @Test
    void metaCountsAreCorrectedToMatchTheElection() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "stale counts");
        meta.put("num_projects", "99");
        meta.put("num_votes", "99");
        Election election = new Election(meta, new BigDecimal("50"), BallotKind.APPROVAL,
            List.of(new Project("1", BigDecimal.TEN)), List.of(Ballot.approving("v1", List.of("1"))));

        Election again = readBack(election);

        assertThat(again.meta("num_projects")).isEqualTo("1");
        assertThat(again.meta("num_votes")).isEqualTo("1");
        assertThat(again.meta("budget")).isEqualTo("50");
        assertThat(again.meta("vote_type")).isEqualTo("approval");
    }

    private static Election election(BallotKind kind, List<Project> projects, List<Ballot> ballots) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "written by a test");
        meta.put("num_projects", String.valueOf(projects.size()));
        meta.put("num_votes", String.valueOf(ballots.size()));
        meta.put("budget", "2000000");
        meta.put("vote_type", kind.voteType());
        return new Election(meta, new BigDecimal("2000000"), kind, projects, ballots);
    }

    private static Election readBack(Election election) {
        return PabulibReader.read(new StringReader(PabulibWriter.toText(election)), "written.pb");
    }
}
