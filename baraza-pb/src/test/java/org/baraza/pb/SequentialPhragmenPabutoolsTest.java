package org.baraza.pb;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * On every real election in the data folder, sequential Phragmén with lexicographic tie-breaking
 * selects what pabutools 1.2.3 selects. pabutools returns its winners sorted by id (the
 * {@code winners} of {@code expected-pabutools.json}); the selection order is recorded beside it as
 * {@code independent_reference.phragmen_selection_order} (mes-conventions.md §6).
 */
class SequentialPhragmenPabutoolsTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @TestFactory
    Stream<DynamicTest> everyDataFile() {
        ExpectedPabutools expected = ExpectedPabutools.load();
        return PabulibData.files().stream().map(file -> {
            String name = file.getFileName().toString();
            return dynamicTest(name + ": phragmen selects what pabutools selects, in selection order", () -> {
                Election election = PabulibReader.read(file);
                long start = CPU.getCurrentThreadCpuTime();
                List<String> selected = SequentialPhragmen.rule().apply(election, TieBreak.lexicographic()).selected();
                System.out.printf("%-55s %-16s %8.1f ms CPU%n", name, "phragmen", (CPU.getCurrentThreadCpuTime() - start) / 1e6);

                assertThat(selected.stream().sorted().toList())
                    .isEqualTo(expected.result(name, "phragmen").orElseThrow().winners());
                assertThat(selected).isEqualTo(expected.phragmenSelectionOrder(name).orElseThrow());
            });
        });
    }
}
