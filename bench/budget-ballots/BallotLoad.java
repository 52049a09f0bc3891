import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The budget ballot load driver (bench/consultations/VoteLoad.java adapted): one thread per simulated
 * resident, each signed in with a real session (login form, CSRF token), all released at once to cast one
 * approval ballot (two city-wide projects) in each edition in balloting, as fast as the server answers.
 * Prints ballots per second and latency percentiles; writes every acknowledged receipt ("edition code" per
 * line) so the caller can check each one is in the ballot box. JDK only: run with {@code java BallotLoad.java …}.
 *
 * Usage: [WARMUP_EDITIONS=N] java BallotLoad.java BASE_URL EDITIONS_FILE VOTERS PASSWORD RECEIPTS_FILE [SERVER_PID [POSTMASTER_PID]]
 *   EDITIONS_FILE: one line per edition, "edition project,project,…" (what voters.sql prints)
 *   SERVER_PID: the server's JVM on this machine, to report its CPU time per vote (sign-ins excluded)
 *   POSTMASTER_PID: the embedded PostgreSQL, whose processes' CPU time per vote is reported too
 *   WARMUP_EDITIONS: the first N editions of the file are cast in first, untimed (default 0)
 */
public class BallotLoad {

    static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern RECEIPT = Pattern.compile("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>");

    /** An edition in balloting: its id, an unused field, and its city-wide projects. */
    record Poll(long id, long question, long[] answers) {
    }

    record Voter(HttpClient http, String csrf) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Poll> polls = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).map(line -> {
            String[] parts = line.strip().split(" ");
            return new Poll(Long.parseLong(parts[0]), 0, Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray());
        }).toList();
        int count = Integer.parseInt(args[2]);
        String password = args[3];
        Path receiptsFile = Path.of(args[4]);

        long signInStart = System.nanoTime();
        List<Voter> voters = signIn(base, count, password, polls.get(0));
        System.out.printf("signed in %d voters in %.1f s%n", voters.size(), (System.nanoTime() - signInStart) / 1e9);

        long serverPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        long postmasterPid = args.length > 6 ? Long.parseLong(args[6]) : -1;
        // Warm-up: every voter first casts in the first WARMUP_EDITIONS editions, untimed, so the JIT has compiled
        // the ballot's path before the timed round (signing in warms only the pages and the filters); without it
        // a quarter of the JVM's CPU in the timed round is the JIT's (JFR). Those ballots are checked like the others.
        int warmupEditions = Integer.parseInt(System.getenv().getOrDefault("WARMUP_EDITIONS", "0"));
        List<String> receipts = Collections.synchronizedList(new ArrayList<>());
        if (warmupEditions > 0) {
            Round warmup = castAll(base, voters, polls.subList(0, warmupEditions), receipts);
            System.out.printf("warm-up: %d ballots in %.1f s, statuses %s%n", warmup.latencies().size(), warmup.seconds(),
                new TreeMap<>(warmup.statuses()));
        }
        List<Poll> timedPolls = polls.subList(warmupEditions, polls.size());
        int warmupReceipts = receipts.size();
        double cpuBefore = cpuSeconds(serverPid);
        double databaseBefore = treeCpuSeconds(postmasterPid);
        Round timed = castAll(base, voters, timedPolls, receipts);
        double seconds = timed.seconds();
        double cpuAfter = cpuSeconds(serverPid);
        double databaseAfter = treeCpuSeconds(postmasterPid);
        int acknowledged = receipts.size() - warmupReceipts;

        List<Long> sorted = new ArrayList<>(timed.latencies());
        Collections.sort(sorted);
        Files.write(receiptsFile, receipts);
        System.out.printf("ballots attempted: %d by %d voters in %d editions (after %d warm-up editions)%n", sorted.size(), count,
            timedPolls.size(), warmupEditions);
        System.out.printf("statuses: %s%n", new TreeMap<>(timed.statuses()));
        timed.failures().forEach((failure, times) -> System.out.printf("no answer (%d times): %s%n", times.get(), failure));
        System.out.printf("acknowledged: %d in %.2f s%n", acknowledged, seconds);
        System.out.printf("votes_per_second: %.0f%n", acknowledged / seconds);
        System.out.printf("latency_ms p50: %.0f p90: %.0f p99: %.0f max: %.0f%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
            ms(sorted, 1.0));
        if (serverPid > 0 && acknowledged > 0) {
            System.out.printf("server_cpu_ms_per_vote: %.2f%n", 1000 * (cpuAfter - cpuBefore) / acknowledged);
        }
        if (postmasterPid > 0 && acknowledged > 0) {
            System.out.printf("database_cpu_ms_per_vote: %.2f%n", 1000 * (databaseAfter - databaseBefore) / acknowledged);
        }
    }

    /** One round: every voter's thread released at once, casting one ballot in each edition in turn. */
    record Round(double seconds, List<Long> latencies, Map<Integer, AtomicInteger> statuses, Map<String, AtomicInteger> failures) {
    }

    static Round castAll(String base, List<Voter> voters, List<Poll> polls, List<String> receipts) throws Exception {
        int count = voters.size();
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        // why a request got no answer at all (status -1): the client's exception, so a dropped connection is told apart
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Voter voter = voters.get(i);
            int index = i;
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                for (Poll poll : polls) {
                    long[] projects = poll.answers();
                    String body = form("project", Long.toString(projects[index % projects.length]),
                        "project", Long.toString(projects[(index * 7 + 3) % projects.length == index % projects.length
                            ? (index + 1) % projects.length : (index * 7 + 3) % projects.length]),
                        "_csrf", voter.csrf());
                    long start = System.nanoTime();
                    int status;
                    String text = "";
                    try {
                        HttpResponse<String> response = voter.http().send(HttpRequest.newBuilder(URI.create(base + "/budgets/"
                                + poll.id() + "/ballot"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        text = response.body();
                    } catch (IOException e) {
                        status = -1;
                        failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), key -> new AtomicInteger())
                            .incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                    statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
                    Matcher receipt = RECEIPT.matcher(text);
                    if (status == 200 && receipt.find()) {
                        receipts.add(poll.id() + " " + receipt.group(1));
                    }
                }
                return null;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Round((System.nanoTime() - start) / 1e9, new ArrayList<>(latencies), statuses, failures);
    }

    /** CPU seconds of a process and all its descendants (PostgreSQL: the postmaster and its backends). */
    static double treeCpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // the postmaster's own time and that of the processes it has reaped (cutime, cstime)
        double total = (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
            + Long.parseLong(fields[14])) / 100.0;
        for (ProcessHandle child : ProcessHandle.of(pid).map(handle -> handle.descendants().toList()).orElse(List.of())) {
            try {
                total += cpuSeconds(child.pid());
            } catch (IOException gone) {
                // a backend that exited in between
            }
        }
        return total;
    }

    /** User + system CPU seconds of a process on this machine (Linux /proc), or 0 if unknown. */
    static double cpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: field 3 is the state, so utime and stime (fields 14 and 15) are at 11 and 12
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static List<Voter> signIn(String base, int count, String password, Poll firstPoll) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Voter>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String login = "bench-voter-" + i + "@bench.example";
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
                    String token = csrf(http, base + "/login");
                    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form("login", login, "password", password, "_csrf", token))).build(),
                        HttpResponse.BodyHandlers.ofString());
                    if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                        throw new IllegalStateException("could not sign in " + login + ": " + signedIn.statusCode());
                    }
                    return new Voter(http, csrf(http, base + "/budgets/" + firstPoll.id() + "/ballot"));
                }));
            }
            List<Voter> voters = new ArrayList<>();
            for (Future<Voter> future : futures) {
                voters.add(future.get(10, TimeUnit.MINUTES));
            }
            return voters;
        } finally {
            pool.shutdownNow();
        }
    }

    static String csrf(HttpClient http, String url) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + url);
        }
        return matcher.group(1);
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
