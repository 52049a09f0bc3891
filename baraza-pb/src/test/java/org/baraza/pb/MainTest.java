package org.baraza.pb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line contract, run in-process. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String SMALL = """
        META
        key;value
        budget;100.50
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;votes
        10;60.25;1
        9;40.25;2
        "a""b";40;0
        VOTES
        voter_id;vote
        1;10,9
        2;9
        """;

    @Test
    void printsOneLineOfJsonWithSelectionOrderExactCostAndCounts() throws IOException {
        int status = run("--rule", "greedy", file("small.pb", SMALL).toString());

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo(
            "{\"rule\":\"greedy\",\"selected\":[\"9\",\"10\"],\"cost\":\"100.5\",\"voters\":2,\"projects\":3}\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void idsAreJsonEscaped() throws IOException {
        String text = SMALL.replace("budget;100.50", "budget;1000");

        run("--rule", "greedy", file("quotes.pb", text).toString());

        assertThat(stdout()).contains("\"selected\":[\"9\",\"10\",\"a\\\"b\"]").contains("\"cost\":\"140.5\"");
    }

    @Test
    void tieBreakOptionIsApplied() throws IOException {
        String tied = SMALL.replace("1;10,9", "1;\"10,9,a\"\"b\"").replace("2;9", "2;\"9,10,a\"\"b\"");
        Path pb = file("tied.pb", tied);

        run("--rule", "greedy", "--tie-break", "lexicographic", pb.toString());
        run("--rule=greedy", "--tie-break=cost-then-votes", pb.toString());

        assertThat(stdout().lines()).containsExactly(
            "{\"rule\":\"greedy\",\"selected\":[\"10\",\"9\"],\"cost\":\"100.5\",\"voters\":2,\"projects\":3}",
            "{\"rule\":\"greedy\",\"selected\":[\"a\\\"b\",\"9\"],\"cost\":\"80.25\",\"voters\":2,\"projects\":3}");
    }

    @Test
    void autoUsesTheFilesDeclaredRuleOnARealFile() {
        int status = run("--rule", "auto", PabulibData.file("Poland_Warszawa_2019_Goclaw.pb").toString());

        assertThat(status).isZero();
        assertThat(stdout()).startsWith("{\"rule\":\"auto\",\"selected\":[").endsWith(",\"voters\":2706,\"projects\":29}\n");
    }

    @Test
    void malformedFileExitsWithTwoAndNamesTheLine() throws IOException {
        int status = run("--rule", "greedy", file("bad.pb", SMALL.replace("9;40.25;2", "9;forty;2")).toString());

        assertThat(status).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("baraza-pb: bad.pb line 9: cost of project 9 'forty' is not a number\n");
    }

    @Test
    void missingFileExitsWithTwo() {
        int status = run("--rule", "greedy", dir.resolve("absent.pb").toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr()).contains("absent.pb").contains("no such file").hasLineCount(1);
    }

    @Test
    void unknownRuleExitsWithTwo() throws IOException {
        int status = run("--rule", "lottery", file("small.pb", SMALL).toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr()).startsWith("baraza-pb: unknown rule 'lottery'").hasLineCount(1);
    }

    @Test
    void unknownTieBreakExitsWithTwo() throws IOException {
        int status = run("--rule", "greedy", "--tie-break", "coin", file("small.pb", SMALL).toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr()).contains("unknown tie-break 'coin'").hasLineCount(1);
    }

    @Test
    void missingArgumentsExitWithTwo() throws IOException {
        Path pb = file("small.pb", SMALL);

        assertThat(run(pb.toString())).isEqualTo(2);
        assertThat(run("--rule", "greedy")).isEqualTo(2);
        assertThat(run("--rule")).isEqualTo(2);
        assertThat(run("--rule", "greedy", "--verbose", pb.toString())).isEqualTo(2);

        assertThat(stderr()).hasLineCount(4).contains("--rule is missing").contains("file is missing")
            .contains("--rule needs a value").contains("unknown option --verbose");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void ruleTheElectionCannotSupportExitsWithTwo() throws IOException {
        int status = run("--rule", "greedy-threshold", file("small.pb", SMALL).toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr()).contains("min_project_score_threshold").hasLineCount(1);
    }

    /*
     * META rule equalshares: auto verifies it with pabulib's checker conventions, which break ties by
     * cost, then approvals, and no further. A and B both cost 50 and have one supporter each, who holds
     * 100 / 2 = 50: both are bought at 50/50 = 1 per unit of cost in the first round, a tie the checker
     * cannot break either.
     */
    @Test
    void aTieTheCheckersConventionsCannotBreakExitsWithTwoInOneLine() throws IOException {
        Path tie = file("tie.pb", """
            META
            key;value
            budget;100
            vote_type;approval
            rule;equalshares
            PROJECTS
            project_id;cost
            A;50
            B;50
            VOTES
            voter_id;vote
            1;A
            2;B
            """);

        int status = run("--rule", "auto", tie.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr()).startsWith("baraza-pb: Equal Shares tie-breaking failed").hasLineCount(1);
        assertThat(stdout()).isEmpty();
    }
}
