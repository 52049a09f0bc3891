package org.baraza.pb;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rule on one real file, the file already parsed; tie-breaking as the command line's default
 * (lexicographic, or the checker's conventions for {@code auto}), so the figures compare with
 * pabutools' times in expected-pabutools.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RuleBenchmark {

    @Param({
        "Poland_Krakow_2024.pb",
        "Poland_Wroclaw_2015_150_-_500.pb",
        "Poland_Warszawa_2026.pb",
        "Poland_Lodz_2022.pb",
        "Hungary_Budapest_2024.pb",
        "Hungary_Budapest_2022_VIII_Jozsefvaros.pb"})
    public String file;

    @Param({"greedy", "phragmen", "mes", "mes-add1", "mes-add1-greedy", "equalshares/add1", "auto"})
    public String rule;

    private Election election;
    private Rule chosen;
    private TieBreak tieBreak;

    @Setup
    public void read() {
        election = PabulibReader.read(BenchmarkData.file(file));
        chosen = Rules.named(rule);
        tieBreak = BenchmarkData.cliDefault(chosen);
        if (rule.equals("auto") && election.meta("rule") != null && election.meta("rule").equals("unknown")) {
            // The Hungarian files declare no rule; auto refuses them (exit 2), which is nothing to time.
            throw new IllegalStateException(file + " declares no rule; auto does not apply");
        }
    }

    @Benchmark
    public Outcome apply() {
        return chosen.apply(election, tieBreak);
    }
}
