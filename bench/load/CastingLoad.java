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
 * The load driver for casting ballots: one thread per simulated resident, each signed in with a real
 * session (login form, CSRF token), all released at once to cast one ballot in each open poll
 * (consultations: one single-choice question) or each budget edition in balloting (budgets: an approval
 * ballot of two city-wide projects), as fast as the server answers. Prints ballots per second and latency
 * percentiles; writes every acknowledged receipt ("id code" per line) so the caller can check each one is
 * in the ballot box. JDK only: run with {@code java bench/load/CastingLoad.java …}.
 *
 * Usage: [WARMUP=N] java CastingLoad.java consultations|budgets BASE_URL TARGETS_FILE VOTERS PASSWORD RECEIPTS_FILE
 *        [SERVER_PID [POSTMASTER_PID]]
 *   TARGETS_FILE: what the kind's voters.sql prints, one line per poll "poll question answer,answer,…"
 *     or per edition "edition project,project,…"
 *   SERVER_PID: the server's JVM on this machine, to report its CPU time per ballot (sign-ins excluded)
 *   POSTMASTER_PID: the embedded PostgreSQL, whose processes' CPU time per ballot is reported too
 *   WARMUP: the first N polls or editions of the file are cast in first, untimed (default 0)
 */
public class CastingLoad {

    static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern RECEIPT = Pattern.compile("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>");

    /** A poll (its single question and the answers) or an edition in balloting (its city-wide projects). */
    record Target(long id, long question, long[] options) {
    }

    /** What differs between casting in a consultation and in a budget edition. */
    enum Kind {
        CONSULTATIONS("polls") {
            Target target(String[] parts) {
                return new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]), numbers(parts[2]));
            }

            String ballotPage(Target target) {
                return "/consultations/" + target.id() + "/ballot";
            }

            String signedInPage(Target first) {
                return "/consultations/" + first.id();
            }

            String ballot(Target poll, int voter, String csrf) {
                long[] answers = poll.options();
                return form("q" + poll.question(), Long.toString(answers[(voter + (int) poll.id()) % answers.length]), "_csrf", csrf);
            }
        },
        BUDGETS("editions") {
            Target target(String[] parts) {
                return new Target(Long.parseLong(parts[0]), 0, numbers(parts[1]));
            }

            String ballotPage(Target target) {
                return "/budgets/" + target.id() + "/ballot";
            }

            String signedInPage(Target first) {
                return ballotPage(first);
            }

            String ballot(Target edition, int voter, String csrf) {
                long[] projects = edition.options();
                int first = voter % projects.length;
                int second = (voter * 7 + 3) % projects.length == first ? (voter + 1) % projects.length : (voter * 7 + 3) % projects.length;
                return form("project", Long.toString(projects[first]), "project", Long.toString(projects[second]), "_csrf", csrf);
            }
        };

        final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        abstract Target target(String[] parts);

        abstract String ballotPage(Target target);

        /** A page whose form carries the CSRF token a signed-in voter casts with. */
        abstract String signedInPage(Target first);

        abstract String ballot(Target target, int voter, String csrf);

        static long[] numbers(String list) {
            return Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
        }
    }

    record Voter(HttpClient http, String csrf) {
    }

    public static void main(String[] args) throws Exception {
        Kind kind = Kind.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        String base = args[1];
        List<Target> targets = Files.readAllLines(Path.of(args[2])).stream().filter(line -> !line.isBlank())
            .map(line -> kind.target(line.strip().split(" "))).toList();
        int count = Integer.parseInt(args[3]);
        String password = args[4];
        Path receiptsFile = Path.of(args[5]);

        long signInStart = System.nanoTime();
        List<Voter> voters = signIn(kind, base, count, password, targets.get(0));
        System.out.printf("signed in %d voters in %.1f s%n", voters.size(), (System.nanoTime() - signInStart) / 1e9);

        long serverPid = args.length > 6 ? Long.parseLong(args[6]) : -1;
        long postmasterPid = args.length > 7 ? Long.parseLong(args[7]) : -1;
        // Warm-up: every voter first casts in the first WARMUP targets, untimed, so the JIT has compiled the
        // ballot's path before the timed round (signing in warms only the pages and the filters); without it a
        // quarter of the JVM's CPU in the timed round is the JIT's (JFR). Those ballots are checked like the others.
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "0"));
        List<String> receipts = Collections.synchronizedList(new ArrayList<>());
        if (warmup > 0) {
            Round warmupRound = castAll(kind, base, voters, targets.subList(0, warmup), receipts);
            System.out.printf("warm-up: %d ballots in %.1f s, statuses %s%n", warmupRound.latencies().size(), warmupRound.seconds(),
                new TreeMap<>(warmupRound.statuses()));
        }
        List<Target> timedTargets = targets.subList(warmup, targets.size());
        int warmupReceipts = receipts.size();
        double cpuBefore = cpuSeconds(serverPid);
        double databaseBefore = treeCpuSeconds(postmasterPid);
        Round timed = castAll(kind, base, voters, timedTargets, receipts);
        double seconds = timed.seconds();
        double cpuAfter = cpuSeconds(serverPid);
        double databaseAfter = treeCpuSeconds(postmasterPid);
        int acknowledged = receipts.size() - warmupReceipts;

        List<Long> sorted = new ArrayList<>(timed.latencies());
        Collections.sort(sorted);
        Files.write(receiptsFile, receipts);
        System.out.printf("ballots attempted: %d by %d voters in %d %s (after %d warm-up %s)%n", sorted.size(), count,
            timedTargets.size(), kind.plural, warmup, kind.plural);
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

    /** One round: every voter's thread released at once, casting one ballot in each target in turn. */
    record Round(double seconds, List<Long> latencies, Map<Integer, AtomicInteger> statuses, Map<String, AtomicInteger> failures) {
    }

    static Round castAll(Kind kind, String base, List<Voter> voters, List<Target> targets, List<String> receipts) throws Exception {
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
                for (Target target : targets) {
                    String body = kind.ballot(target, index, voter.csrf());
                    long start = System.nanoTime();
                    int status;
                    String text = "";
                    try {
                        HttpResponse<String> response = voter.http().send(HttpRequest.newBuilder(URI.create(base + kind.ballotPage(target)))
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
                        receipts.add(target.id() + " " + receipt.group(1));
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

    static List<Voter> signIn(Kind kind, String base, int count, String password, Target first) throws Exception {
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
                    return new Voter(http, csrf(http, base + kind.signedInPage(first)));
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
