package org.baraza;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top directory (the one holding {@code baraza-app/}), wherever Maven runs the tests from. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("baraza-app")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding baraza-app/ above " + start);
    }
}
