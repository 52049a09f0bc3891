package org.baraza.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.baraza.BarazaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Another Baraza instance in the same JVM, on its own random port, using the database of the test's
 * application context — as a second node behind a load balancer would use the shared PostgreSQL.
 */
final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node on the database {@code firstNode} uses; {@code extras} may register test-only beans. */
    @SafeVarargs
    static SecondNode start(DataSource firstNode, ApplicationContextInitializer<GenericApplicationContext>... extras) {
        HikariDataSource pool = (HikariDataSource) firstNode;
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BarazaApplication.class)
            .main(BarazaApplication.class).initializers(extras);
        // as command-line arguments, which outrank application.properties (default properties would not)
        return new SecondNode(builder.run(
            "--server.port=0",
            "--baraza.database.url=" + pool.getJdbcUrl(),
            "--baraza.database.username=" + pool.getUsername(),
            "--baraza.database.password=" + pool.getPassword(),
            "--baraza.database.pool-size=4",
            // the first node seeded the demo; a second node only serves
            "--baraza.demo.enabled=false",
            "--spring.main.banner-mode=off"));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
