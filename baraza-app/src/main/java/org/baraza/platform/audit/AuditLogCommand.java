package org.baraza.platform.audit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar baraza.jar verify-audit-log}: checks every audit chain, prints one line per chain,
 * and exits 0 when all are intact or 1 naming the first broken entry. See docs/operations.md.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public final class AuditLogCommand implements ApplicationRunner {

    public static final String COMMAND = "verify-audit-log";

    private final AuditChainVerifier verifier;
    private final MunicipalityDirectory municipalities;
    private final ConfigurableApplicationContext context;

    AuditLogCommand(AuditChainVerifier verifier, MunicipalityDirectory municipalities, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.municipalities = municipalities;
        this.context = context;
    }

    /**
     * The command-line arguments to start with: given the command, the web server is not started and
     * beans are made only when needed (the check needs only the database). Use as
     * {@code SpringApplication.run(BarazaApplication.class, AuditLogCommand.arguments(args))}.
     */
    public static String[] arguments(String[] args) {
        if (Arrays.asList(args).contains(COMMAND)) {
            return Stream.concat(Arrays.stream(args),
                Stream.of("--spring.main.web-application-type=none", "--spring.main.lazy-initialization=true")).toArray(String[]::new);
        }
        return args;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        int code = check(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Checks every chain, writing one line per chain and a verdict. @return the exit code: 0 intact, 1 broken */
    int check(PrintStream out) {
        List<ChainCheck> checks = verifier.verifyAll();
        Optional<ChainCheck> firstBroken = checks.stream().filter(check -> !check.intact()).findFirst();
        for (ChainCheck check : checks) {
            out.println(line(check));
        }
        if (firstBroken.isPresent()) {
            ChainCheck.Break broken = firstBroken.get().firstBreak().orElseThrow();
            out.println("audit log BROKEN: first broken entry is " + broken.entryId() + " in " + chain(firstBroken.get())
                + " (" + describe(broken.problem()) + ")");
            return 1;
        }
        out.println("audit log intact: " + checks.size() + " chain(s) verified");
        return 0;
    }

    private String line(ChainCheck check) {
        String chain = chain(check);
        return check.firstBreak()
            .map(broken -> chain + ": BROKEN at entry " + broken.entryId() + " (" + describe(broken.problem()) + ")")
            .orElse(chain + ": intact, " + check.entries() + " entries");
    }

    private String chain(ChainCheck check) {
        if (check.organization() == null) {
            return "platform chain";
        }
        String slug = municipalities.byId(new OrganizationId(check.organization())).map(m -> " (" + m.slug() + ")").orElse("");
        return "municipality " + check.organization() + slug + " chain";
    }

    static String describe(ChainCheck.Problem problem) {
        return switch (problem) {
            case HASH_MISMATCH -> "hash mismatch: the entry's content was changed";
            case PREVIOUS_HASH_MISMATCH -> "previous-hash mismatch: an entry before it was changed, removed or inserted";
        };
    }
}
