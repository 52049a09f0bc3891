package org.baraza;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator configures Baraza only through environment variables, so every one that
 * application.properties reads must be in README.md's configuration table and in operations.md.
 */
class EnvironmentVariablesDocumentedTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(BARAZA_[A-Z0-9_]+)");

    @Test
    void everyVariableTheApplicationReadsIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            Matcher matcher = VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
        }
        assertThat(read).contains("BARAZA_PORT", "BARAZA_DATABASE_URL");

        String readme = Files.readString(RepositoryRoot.find().resolve("README.md"));
        String operations = Files.readString(RepositoryRoot.find().resolve("docs/operations.md"));
        for (String variable : read) {
            assertThat(readme).as("README.md configuration table").contains("| `" + variable + "`");
            assertThat(operations).as("docs/operations.md").contains(variable);
        }
    }
}
