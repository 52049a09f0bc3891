package org.baraza.platform.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baraza.IntegrationTest;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar baraza.jar verify-audit-log} as an operator runs it: a process of its own against the
 * test database, which must print one line per chain and exit 0, then 1 naming the entry someone edited.
 * Needs the packaged jar (the {@code verify} phase builds it before the integration tests).
 */
@IntegrationTest
class AuditLogCommandIT {

    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    record Run(int exitCode, String output) {
    }

    private Run runCommand(Path jar) throws IOException, InterruptedException, java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), AuditLogCommand.COMMAND,
            "--baraza.database.url=" + pool.getJdbcUrl(), "--baraza.database.username=" + pool.getUsername(),
            "--baraza.database.password=" + pool.getPassword(), "--baraza.demo.enabled=false", "--server.port=0",
            "--logging.structured.format.console=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Path jar() throws Exception {
        Path testClasses = Path.of(AuditLogCommandIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent().resolve("baraza.jar");
    }

    @Test
    void theCommandExitsZeroForIntactChainsAndOneNamingTheEditedEntry() throws Exception {
        Path jar = jar();
        assumeTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is needed");
        TestChains chains = new TestChains(jdbc, audit);
        OrganizationId municipality = chains.municipality();
        List<Long> ids = chains.append(municipality, 3);

        long started = System.nanoTime();
        Run intact = runCommand(jar);
        System.out.printf("verify-audit-log took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("municipality " + municipality + " ").contains("intact, 3 entries")
            .contains("audit log intact").doesNotContain("Tomcat started");

        long edited = ids.get(1);
        String original = (String) chains.entry(edited).get("details");
        chains.tamper("UPDATE audit_entry SET details = '{\"n\":\"edited\"}' WHERE id = :id", Map.of("id", edited));
        try {
            Run broken = runCommand(jar);
            assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
            assertThat(broken.output()).contains("BROKEN at entry " + edited + " (hash mismatch")
                .contains("first broken entry is " + edited);
        } finally {
            chains.tamper("UPDATE audit_entry SET details = :details WHERE id = :id", Map.of("id", edited, "details", original));
        }
    }
}
