package org.baraza.platform;

import java.net.http.HttpResponse;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a load balancer and a Prometheus server see: health and metrics, and nothing more. */
@IntegrationTest
class HealthAndMetricsIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithoutRevealingItsComponents() {
        HttpResponse<String> health = Visitor.ofDemoCity(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db", "diskSpace", "components");
    }

    @Test
    void livenessAndReadinessProbesAnswerForKubernetesStyleOrchestrators() {
        Visitor visitor = Visitor.ofDemoCity(port);

        assertThat(visitor.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(visitor.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void healthAnswersOnAnyHostSoABalancerCanProbeByAddress() {
        HttpResponse<String> health = new Visitor("http://127.0.0.2:" + port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusExposesJvmHttpAndConnectionPoolMetrics() {
        Visitor visitor = Visitor.ofDemoCity(port);
        visitor.get("/");

        HttpResponse<String> metrics = visitor.get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
            .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage")
            .contains("http_server_requests_seconds_count")
            .contains("uri=\"/\"")
            .contains("hikaricp_connections_active");
    }

    @Test
    void noOtherActuatorEndpointIsReachable() {
        Visitor visitor = Visitor.ofDemoCity(port);

        for (String endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump",
            "/actuator/configprops", "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings"}) {
            assertThat(visitor.get(endpoint).statusCode()).as(endpoint).isNotEqualTo(200);
        }
    }
}
