package org.baraza.pb;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile {@code .pb} files through the command line (issue 4, "Bad input"): whatever the file, the
 * CLI either prints its one line of JSON (exit 0) or refuses with one line on stderr (exit 2) —
 * never an OutOfMemoryError, a stack trace or an endless run. Big files run {@link Main} in a child
 * JVM with {@code -Xmx256m}, which proves the bound; small ones run in-process under a time limit.
 * Each big file is generated once, streamed to the class's temporary directory, deleted after its test.
 */
class HostilePabulibFilesTest {

    private static final String HEAP = "-Xmx256m";
    private static final Duration SMALL_FILE_LIMIT = Duration.ofSeconds(20);
    private static final long BIG_FILE_LIMIT_SECONDS = 90;

    @TempDir
    static Path dir;

    @Test
    void millionVotersAreCountedWithinABoundedHeap() throws Exception {
        Path millionVoters = dir.resolve("million-voters.pb");
        writeVotes(millionVoters, Long.MAX_VALUE, 1_000_000);

        for (String rule : List.of("greedy", "mes-add1", "phragmen")) {
            Cli result = runInChildJvm(rule, millionVoters);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).as("%s: a million short ballots fit in 256 MB; stderr: %s", rule, result.err).isZero();
            assertThat(result.out).contains("\"voters\":1000000,\"projects\":20");
        }
    }

    @Test
    void fiveHundredMegabyteFileEndsCleanlyWithinABoundedHeap() throws Exception {
        Path file = dir.resolve("five-hundred-megabytes.pb");
        writeVotes(file, 500L << 20, Long.MAX_VALUE);
        try {
            Cli result = runInChildJvm("greedy", file);

            result.assertFinishedOrRefusedInOneLine();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void giantSingleLineIsRefusedWithinABoundedHeap() throws Exception {
        Path file = dir.resolve("giant-line.pb");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("META\nkey;value\nbudget;100\nvote_type;approval\ndescription;".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 300; i++) {
                out.write(block);
            }
        }
        try {
            Cli result = runInChildJvm("greedy", file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void giantCellInAProjectRowIsReadOrRefused() throws IOException {
        // 20 MB in one cell fits the test JVM's heap: the reader copes, the CLI answers.
        StringBuilder name = new StringBuilder(20 << 20);
        name.append("x".repeat(20 << 20));
        Path file = write("giant-cell.pb", """
            META
            key;value
            budget;100
            vote_type;approval
            PROJECTS
            project_id;cost;name
            1;10;%s
            VOTES
            voter_id;vote
            1;1
            """.formatted(name));

        Cli result = runInProcess("greedy", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.out).contains("\"selected\":[\"1\"]");
    }

    @Test
    void binaryGarbageIsRefusedInOneLine() throws IOException {
        byte[] garbage = new byte[1 << 20];
        new SplittableRandom(4).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.pb"), garbage);

        for (String rule : List.of("greedy", "mes-add1", "auto")) {
            Cli result = runInProcess(rule, file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).isEqualTo(Main.BAD_INPUT);
            assertThat(result.err).startsWith("baraza-pb: garbage.pb line ");
        }
    }

    @Test
    void nulBytesAreRefusedInOneLine() throws IOException {
        Path file = Files.write(dir.resolve("nul-title.pb"), new byte[4096]);

        Cli result = runInProcess("greedy", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        assertThat(result.err).startsWith("baraza-pb: nul-title.pb line 1: expected section title META");
    }

    @Test
    void fileContentQuotedInTheMessageIsEscapedAndShort() throws IOException {
        Path file = Files.write(dir.resolve("nul-title.pb"), new byte[4096]);

        Cli result = runInProcess("greedy", file);

        assertThat(result.err).doesNotContain("\0").doesNotContain("\u001b").hasSizeLessThan(400);
    }

    @Test
    void nulInsideAnIdIsKeptAndJsonEscaped() throws IOException {
        Path file = write("nul-id.pb", SMALL.replace("P1", "P\0" + "1"));

        Cli result = runInProcess("greedy", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.status).isEqualTo(Main.OK);
        assertThat(result.out).doesNotContain("\0").contains("\"selected\":[\"P\\u00001\",\"P2\"]");
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() throws IOException {
        byte[] bytes = SMALL.getBytes(StandardCharsets.UTF_8);
        // A lone lead byte followed by ASCII (0xC3 '3') on line 9: malformed UTF-8.
        bytes[SMALL.indexOf("P3;30")] = (byte) 0xC3;
        Path file = Files.write(dir.resolve("invalid-utf8.pb"), bytes);

        Cli result = runInProcess("greedy", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        assertThat(result.err).startsWith("baraza-pb: invalid-utf8.pb line ").contains("UTF-8");
    }

    @Test
    void budgetOfTenToThe400IsComputedExactlyByEveryRule() throws IOException {
        Path file = write("budget-1e400.pb", SMALL.replace("budget;100", "budget;1e400"));

        for (String rule : Rules.names()) {
            Cli result = runInProcess(rule, file);

            result.assertFinishedOrRefusedInOneLine();
        }
        Cli greedy = runInProcess("greedy", file);
        assertThat(greedy.out).contains("\"cost\":\"130\"");
    }

    @Test
    void add1LoopEndsWhenTheBudgetNeedsMoreThanALongOfSteps() throws IOException {
        Path file = write("add1-1e25.pb", """
            META
            key;value
            budget;1e25
            vote_type;approval
            PROJECTS
            project_id;cost
            A;9e24
            B;1
            VOTES
            voter_id;vote
            1;A,B
            2;B
            """);

        // A needs a share of 9e24 from its one supporter: 4.5e24 steps of 1 from 5e24, beyond 2^62.
        for (String rule : List.of("mes-add1", "mes-add1-greedy")) {
            Cli result = runInProcess(rule, file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).as(rule).isEqualTo(Main.BAD_INPUT);
            assertThat(result.err).as(rule).contains("more than 2^62 steps");
        }
    }

    @Test
    void absurdExponentIsRefusedAsBadInput() throws IOException {
        for (String budget : List.of("1E+999999999", "1E+50000000")) {
            Path file = write("budget-exponent.pb", SMALL.replace("budget;100", "budget;" + budget));

            Cli result = runInProcess("greedy", file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        }
    }

    @Test
    void negativeCostIsRefusedNamingTheProjectAndLine() throws IOException {
        Path file = write("negative.pb", SMALL.replace("P2;40", "P2;-40"));

        Cli result = runInProcess("greedy", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        assertThat(result.err).isEqualTo("baraza-pb: negative.pb line 8: cost of project P2 '-40' is negative\n");
    }

    @Test
    void costOfTenThousandDigitsIsHandledByGreedyPhragmenAndMes() throws IOException {
        Path file = write("ten-thousand-digits.pb", SMALL.replace("P2;40", "P2;" + "9".repeat(10_000)));

        for (String rule : List.of("greedy", "greedy-no-skip", "greedy-threshold", "phragmen", "mes", "mes-add1",
                "mes-add1-greedy", "auto")) {
            Cli result = runInProcess(rule, file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.out).as(rule).doesNotContain("\"P2\"");
        }
    }

    @Test
    void costOfTenThousandDigitsIsHandledByTheEqualsharesLoops() throws IOException {
        Path file = write("ten-thousand-digits.pb", SMALL.replace("P2;40", "P2;" + "9".repeat(10_000)));

        for (String rule : List.of("equalshares/add1", "equalshares/add1-comparison")) {
            runInProcess(rule, file).assertFinishedOrRefusedInOneLine();
        }
    }

    @Test
    void costOfAThousandDigitsEndsTheEqualsharesLoopsWithARefusal() throws IOException {
        // The most digits the reader takes: the checker's loop would raise shares 10^999 times.
        Path file = write("thousand-digits.pb", SMALL.replace("P2;40", "P2;" + "9".repeat(1_000)));

        for (String rule : List.of("equalshares/add1", "equalshares/add1-comparison")) {
            Cli result = runInProcess(rule, file);

            result.assertFinishedOrRefusedInOneLine();
            assertThat(result.status).as(rule).isEqualTo(Main.BAD_INPUT);
            assertThat(result.err).as(rule).contains("more than 2^62 steps");
        }
    }

    @Test
    void ballotNamingAnUnknownProjectIsRefusedNamingVoterAndLine() throws IOException {
        Path file = write("unknown-project.pb", SMALL.replace("2;P2", "2;P2,P99"));

        Cli result = runInProcess("mes-add1", file);

        result.assertFinishedOrRefusedInOneLine();
        assertThat(result.status).isEqualTo(Main.BAD_INPUT);
        assertThat(result.err).isEqualTo(
            "baraza-pb: unknown-project.pb line 13: voter 2 votes for project 'P99', which is not in PROJECTS\n");
    }

    // ---------------------------------------------------------------------------------------------

    private static final String SMALL = """
        META
        key;value
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost
        P1;60
        P2;40
        P3;30
        VOTES
        voter_id;vote
        1;P1,P2
        2;P2
        3;P3,P1
        """;

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * An approval election of 20 projects whose VOTES section grows until {@code bytes} or
     * {@code voters} is reached; ballots name one to five projects, the popular ones more often.
     */
    private static void writeVotes(Path file, long bytes, long voters) throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder head = new StringBuilder("META\nkey;value\nbudget;1000000\nvote_type;approval\nrule;greedy\n"
                + "PROJECTS\nproject_id;cost\n");
            for (int p = 1; p <= 20; p++) {
                head.append(p).append(';').append(20_000 * p).append('\n');
            }
            head.append("VOTES\nvoter_id;vote\n");
            byte[] bytesOfHead = head.toString().getBytes(StandardCharsets.US_ASCII);
            out.write(bytesOfHead);
            long written = bytesOfHead.length;
            StringBuilder line = new StringBuilder(64);
            for (long voter = 1; voter <= voters && written < bytes; voter++) {
                line.setLength(0);
                line.append(voter).append(';');
                int count = 1 + random.nextInt(5);
                int first = 1 + (int) (20 * random.nextDouble() * random.nextDouble());
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append((first + 3 * i - 1) % 20 + 1);
                }
                line.append('\n');
                for (int i = 0; i < line.length(); i++) {
                    out.write(line.charAt(i));
                }
                written += line.length();
            }
        }
    }

    private static Cli runInProcess(String rule, Path file) {
        return assertTimeoutPreemptively(SMALL_FILE_LIMIT, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try {
                status = Main.run(new String[] {"--rule", rule, file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            } catch (Throwable escaped) {
                // What would reach the terminal as a stack trace.
                return fail(rule + " on " + file.getFileName() + ": " + escaped + " escaped Main.run", escaped);
            }
            return new Cli(rule, status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }, () -> rule + " on " + file.getFileName() + " ran over " + SMALL_FILE_LIMIT.toSeconds() + " s");
    }

    /** Runs the command line as its own process with a small heap, exactly as an operator would. */
    private static Cli runInChildJvm(String rule, Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--rule", rule, file.toString()));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(BIG_FILE_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                fail(rule + " on " + file.getFileName() + " ran over " + BIG_FILE_LIMIT_SECONDS + " s");
            }
            return new Cli(rule, process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What the command line did: its exit status, stdout and stderr. */
    private record Cli(String rule, int status, String out, String err) {

        void assertFinishedOrRefusedInOneLine() {
            assertThat(err).as(rule + ": no stack trace, no JVM error")
                .doesNotContain("Exception in thread").doesNotContain("OutOfMemoryError")
                .doesNotContain("StackOverflowError").doesNotContain("\tat ");
            if (status == Main.OK) {
                assertThat(out).as(rule + ": one line of JSON").startsWith("{\"rule\":\"" + rule + "\"").endsWith("}\n");
                assertThat(out.lines().count()).as(rule + ": one line of JSON").isEqualTo(1);
            } else {
                assertThat(status).as(rule + ": exit 2 for a bad file; stderr: %s", err).isEqualTo(Main.BAD_INPUT);
                assertThat(err).as(rule + ": one line on stderr").startsWith("baraza-pb: ").endsWith("\n");
                assertThat(err.lines().count()).as(rule + ": one line on stderr").isEqualTo(1);
                assertThat(out).as(rule + ": nothing on stdout").isEmpty();
            }
        }
    }
}
