package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.Race;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Kill -9 in the middle of a voting load, then restart on the same data directory: every ballot that was
 * acknowledged is there, none twice, and the box still matches the roll. Baraza runs as a separate process
 * (the built jar, or the test classpath), with its own embedded PostgreSQL; both are killed at once with
 * SIGKILL, as a power cut would, and PostgreSQL recovers from its write-ahead log on restart.
 */
class KillDuringVotingIT {

    static final int VOTERS = 120;

    private Process application;
    private Path dataDir;

    @Test
    void everyAcknowledgedBallotSurvivesAKillAndNoneIsCountedTwice() throws Exception {
        int port = freePort();
        int databasePort = freePort();
        dataDir = Files.createTempDirectory(buildDirectory(), "kill-test-");
        application = start(port, databasePort);

        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + databasePort + "/postgres",
            "postgres", "postgres"));
        Electorate electorate = new Electorate(jdbc);
        OrganizationId demoCity = electorate.demoCity();
        Polls.Poll poll = new Polls(jdbc).open(demoCity).single("Where should the new clinic go?", "North", "South", "East").create();
        List<Electorate.Resident> residents = electorate.verified(demoCity, List.of("old-town", "market"), VOTERS);
        List<WebClient> clients = Race.signedIn(port, residents);
        List<String> tokens = new ArrayList<>();
        for (WebClient client : clients) {
            tokens.add(client.csrfToken(poll.page()));
        }

        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService voters = Executors.newFixedThreadPool(VOTERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            int voter = i;
            running.add(voters.submit(() -> {
                go.await();
                try {
                    HttpResponse<String> response = clients.get(voter).post(poll.ballot(), List.of(
                        pair(poll.question(0).field(), poll.question(0).answer(voter % 3)), pair("_csrf", tokens.get(voter))));
                    Matcher receipt = IntegrityUnderLoadIT.RECEIPT.matcher(response.body());
                    if (response.statusCode() == 200 && receipt.find()) {
                        acknowledged.put(voter, receipt.group(1));
                    }
                    answered.incrementAndGet();
                } catch (UncheckedIOException | IllegalStateException killed) {
                    // the server died under this request: not acknowledged
                }
                return null;
            }));
        }
        go.countDown();
        Instant deadline = Instant.now().plusSeconds(60);
        while (answered.get() < VOTERS / 6 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2);
        }
        killEverything(application);
        for (Future<?> future : running) {
            future.get(2, TimeUnit.MINUTES);
        }
        voters.shutdownNow();
        Map<Integer, String> acknowledgedBeforeKill = Map.copyOf(acknowledged);
        assertThat(acknowledgedBeforeKill).as("some ballots were acknowledged before the kill").isNotEmpty();
        assertThat(acknowledgedBeforeKill.size()).as("the kill came in the middle of the load").isLessThan(VOTERS);

        application = start(port, databasePort);

        for (Map.Entry<Integer, String> ballot : acknowledgedBeforeKill.entrySet()) {
            assertThat(jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c AND receipt_hash = :h")
                .param("c", poll.id().value()).param("h", new Receipt(ballot.getValue()).hash(poll.id())).query(Long.class).single())
                .as("acknowledged ballot of voter %d", ballot.getKey()).isEqualTo(1);
        }
        long ballots = count(jdbc, "ballot", poll);
        long roll = count(jdbc, "voter_roll", poll);
        assertThat(ballots).isEqualTo(roll).isGreaterThanOrEqualTo(acknowledgedBeforeKill.size());
        assertThat(count(jdbc, "ballot_choice", poll)).isEqualTo(ballots);
        System.out.printf("kill test: %d of %d ballots acknowledged before SIGKILL, %d in the box after restart%n",
            acknowledgedBeforeKill.size(), VOTERS, ballots);

        // everyone tries again with the session they had: those on the roll are refused, the others vote now
        int refused = 0;
        for (int i = 0; i < VOTERS; i++) {
            WebClient client = clients.get(i);
            HttpResponse<String> again = client.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(),
                poll.question(0).answer(i % 3))));
            assertThat(again.statusCode()).as("voter %d after the restart", i).isIn(200, 409);
            refused += again.statusCode() == 409 ? 1 : 0;
        }
        assertThat(refused).isEqualTo((int) roll);
        assertThat(count(jdbc, "ballot", poll)).isEqualTo(VOTERS);
        assertThat(count(jdbc, "voter_roll", poll)).isEqualTo(VOTERS);
    }

    @AfterEach
    void stop() throws Exception {
        if (application != null && application.isAlive()) {
            application.destroy();
            if (!application.waitFor(60, TimeUnit.SECONDS)) {
                killEverything(application);
            }
        }
        if (dataDir != null) {
            postmaster(dataDir).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** SIGKILL to the application and to PostgreSQL with all its processes, at once: nothing gets to shut down. */
    private void killEverything(Process process) throws InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(process.toHandle());
        process.toHandle().descendants().forEach(victims::add);
        postmaster(dataDir).flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            victims.add(postmaster);
            postmaster.descendants().forEach(victims::add);
        });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> victim).join();
        }
        // PostgreSQL backends notice their postmaster is gone and exit; wait until none holds the data directory
        Thread.sleep(500);
    }

    private Process start(int port, int databasePort) throws IOException, InterruptedException {
        Path jar = buildDirectory().resolve("baraza.jar");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.baraza.BarazaApplication"));
        }
        command.addAll(List.of("--server.port=" + port, "--baraza.database.data-dir=" + dataDir.resolve("postgres"),
            "--baraza.database.embedded-port=" + databasePort, "--baraza.database.clean-on-start=false",
            "--baraza.demo.enabled=true", "--logging.structured.format.console=", "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("application.log").toFile()))
            .start();
        WebClient probe = WebClient.demoCity(port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Baraza did not start: see " + dataDir.resolve("application.log"));
            }
            try {
                if (probe.get("/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Baraza did not become healthy in 3 minutes: see " + dataDir.resolve("application.log"));
    }

    private static long count(JdbcClient jdbc, String table, Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single();
    }

    private static Optional<Long> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Path buildDirectory() {
        String itData = System.getProperty("baraza.test.data-dir");
        return itData == null ? Paths.get("target") : Paths.get(itData).getParent();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
