package org.baraza.budgeting.exchange;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the real pabulib elections in {@code shared/data/pabulib} the way baraza-pb's tests do (PabulibData): the
 * system property {@code baraza.pabulib.dir} if set, else the first {@code shared/data/pabulib} or
 * {@code ../shared/data/pabulib} above the working directory. Tests fail, not skip, when the data is absent.
 */
final class PabulibFiles {

    private static final Path RELATIVE = Path.of("shared", "data", "pabulib");

    private PabulibFiles() {
    }

    static Path file(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("pabulib data file not found: " + file);
        }
        return file;
    }

    static Path directory() {
        String configured = System.getProperty("baraza.pabulib.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        List<Path> tried = new ArrayList<>();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(RELATIVE), dir.resolve("..").resolve(RELATIVE).normalize())) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
                tried.add(candidate);
            }
        }
        return fail("pabulib data not found: set -Dbaraza.pabulib.dir or put it at shared/data/pabulib or "
            + "../shared/data/pabulib above " + start + "; looked at " + tried);
    }
}
