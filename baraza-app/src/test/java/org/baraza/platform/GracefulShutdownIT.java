package org.baraza.platform;

import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node told to stop (SIGTERM, a rolling deploy) finishes the requests it is serving before it
 * closes its database pool, so no resident loses a submitted form to a restart.
 */
@IntegrationTest
class GracefulShutdownIT {

    private static final Duration SLOW_REQUEST = Duration.ofSeconds(2);

    @Autowired
    DataSource database;

    @Test
    void requestInFlightCompletesBeforeTheNodeStops() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        SecondNode node = SecondNode.start(database, context -> context.registerBean("slowRequest", RouterFunction.class,
            () -> RouterFunctions.route().GET("/api/v1/slow-request-for-test", request -> {
                started.countDown();
                Thread.sleep(SLOW_REQUEST.toMillis());
                return ServerResponse.ok().body("finished");
            }).build()));
        int port = node.port();

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
            () -> Visitor.ofDemoCity(port).get("/api/v1/slow-request-for-test"));
        assertThat(started.await(30, TimeUnit.SECONDS)).as("the slow request reached the node").isTrue();
        long shutdownStarted = System.nanoTime();
        node.close();
        Duration shutdown = Duration.ofNanos(System.nanoTime() - shutdownStarted);

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThat(shutdown).as("shutdown waited for the request").isGreaterThan(SLOW_REQUEST.dividedBy(2))
            .as("and no longer than its 20 s limit").isLessThan(Duration.ofSeconds(20));
        assertThatThrownBy(() -> new Socket("localhost", port).close()).as("the port is closed afterwards")
            .isInstanceOf(ConnectException.class);
    }
}
