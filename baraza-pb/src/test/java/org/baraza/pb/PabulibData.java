package org.baraza.pb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finds the real pabulib elections in {@code shared/data/pabulib}, which lives beside the repository
 * (never copied into it). Tests that need it fail, not skip, when it cannot be found.
 */
public final class PabulibData {

    private static final Path RELATIVE = Path.of("shared", "data", "pabulib");

    private PabulibData() {
    }

    /** The data directory: the first {@code shared/data/pabulib} or {@code ../shared/data/pabulib} above the working directory. */
    public static Path directory() {
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
        return fail("pabulib data not found: looked for shared/data/pabulib and ../shared/data/pabulib"
            + " from " + start + " upwards, i.e. " + tried);
    }

    /** Every {@code .pb} file, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> listing = Files.list(directory())) {
            List<Path> files = listing
                .filter(path -> path.getFileName().toString().endsWith(".pb"))
                .sorted()
                .toList();
            if (files.isEmpty()) {
                fail("no .pb files in " + directory());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One data file by name, e.g. {@code Poland_Swiecie_2023.pb}. */
    public static Path file(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("pabulib data file not found: " + file);
        }
        return file;
    }

    /** The pabutools outcomes, {@code expected-pabutools.json}. */
    public static Path expectedPabutools() {
        return file("expected-pabutools.json");
    }
}
