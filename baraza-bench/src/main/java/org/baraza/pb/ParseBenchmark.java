package org.baraza.pb;

import java.nio.file.Path;
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

/** Time to read a real pabulib file from disk into an {@link Election}: the yardstick for the rules. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParseBenchmark {

    @Param({
        "Poland_Krakow_2024.pb",
        "Poland_Wroclaw_2015_150_-_500.pb",
        "Poland_Warszawa_2026.pb",
        "Poland_Lodz_2022.pb",
        "Hungary_Budapest_2024.pb",
        "Hungary_Budapest_2022_VIII_Jozsefvaros.pb"})
    public String file;

    private Path path;

    @Setup
    public void locate() {
        path = BenchmarkData.file(file);
    }

    @Benchmark
    public Election parse() {
        return PabulibReader.read(path);
    }
}
