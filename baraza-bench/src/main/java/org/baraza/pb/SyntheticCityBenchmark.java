package org.baraza.pb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic city ({@link SyntheticCity}: 400,000 voters, 300 projects, 20 headings): each rule
 * run on every heading, times summed, as the application computes an edition's results; and the
 * time to parse the 20 headings from {@code .pb} files, the yardstick for MES with add1.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyntheticCityBenchmark {

    /** The 20 headings, in memory and written as {@code .pb} files to a temporary directory. */
    @State(Scope.Benchmark)
    public static class City {
        List<Election> headings;
        List<Path> files;
        private Path dir;

        @Setup(Level.Trial)
        public void generate() throws IOException {
            headings = SyntheticCity.headings(2026_11_23L);
            dir = Files.createTempDirectory("baraza-synthetic-city");
            files = new ArrayList<>();
            for (Election heading : headings) {
                Path file = dir.resolve(heading.meta("subunit") + ".pb");
                PabulibWriter.write(heading, file);
                files.add(file);
            }
        }

        @TearDown(Level.Trial)
        public void deleteFiles() throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @State(Scope.Benchmark)
    public static class ChosenRule {
        @Param({"greedy", "phragmen", "mes", "mes-add1", "mes-add1-greedy", "equalshares/add1", "auto"})
        public String rule;

        Rule chosen;
        TieBreak tieBreak;

        @Setup(Level.Trial)
        public void choose() {
            chosen = Rules.named(rule);
            tieBreak = BenchmarkData.cliDefault(chosen);
        }
    }

    /** All 20 headings through the rule, one after the other. */
    @Benchmark
    public void applyToEveryHeading(City city, ChosenRule rule, Blackhole sink) {
        for (Election heading : city.headings) {
            sink.consume(rule.chosen.apply(heading, rule.tieBreak));
        }
    }

    /** All 20 heading files read from disk. */
    @Benchmark
    public void parseEveryHeading(City city, Blackhole sink) {
        for (Path file : city.files) {
            sink.consume(PabulibReader.read(file));
        }
    }
}
