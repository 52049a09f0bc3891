package org.baraza.pb;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real pabulib elections are: {@code -Dbaraza.pabulib=DIR}, else the first
 * {@code shared/data/pabulib} or {@code ../shared/data/pabulib} above the working directory
 * (the data lives beside the repository, never inside it).
 */
final class BenchmarkData {

    private BenchmarkData() {
    }

    static Path file(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("pabulib file not found: " + file);
        }
        return file;
    }

    static Path directory() {
        String given = System.getProperty("baraza.pabulib");
        if (given != null) {
            return Path.of(given);
        }
        Path relative = Path.of("shared", "data", "pabulib");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve(relative), dir.resolve("..").resolve(relative).normalize()}) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("pabulib data not found; pass -Dbaraza.pabulib=DIR");
    }

    /** The tie-breaking the command line uses for a rule when none is given (see {@link Main}). */
    static TieBreak cliDefault(Rule rule) {
        return rule instanceof DeclaredRule ? DeclaredRule.checkerConventions() : TieBreak.lexicographic();
    }
}
