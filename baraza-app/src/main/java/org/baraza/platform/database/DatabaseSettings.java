package org.baraza.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} Baraza starts its own PostgreSQL in {@code dataDir}
 * (kept across restarts); with a url ({@code BARAZA_DATABASE_URL}) it uses that server instead.
 */
@ConfigurationProperties("baraza.database")
record DatabaseSettings(String url, String username, String password,
                        @DefaultValue("data/postgres") Path dataDir,
                        @DefaultValue("0") int embeddedPort,
                        @DefaultValue("false") boolean cleanOnStart,
                        @DefaultValue("20") int poolSize) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
