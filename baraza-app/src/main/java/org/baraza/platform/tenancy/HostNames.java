package org.baraza.platform.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names a municipality is reached at, as an admin types them: one per line or separated
 * by commas or spaces, any case, perhaps with a trailing dot. The schema holds the same rule.
 */
public final class HostNames {

    public static final int MAX_HOSTS = 20;
    private static final Pattern HOST = Pattern.compile(
        "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private HostNames() {
    }

    /** The distinct hosts typed, normalised; a refusal names the first host that is not one. */
    public static Parsed parse(String typed) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String part : (typed == null ? "" : typed).split("[\\s,]+")) {
            String host = part.trim().toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty()) {
                continue;
            }
            if (host.length() > 253 || !HOST.matcher(host).matches()) {
                return new Parsed(List.of(), Optional.of(Refusal.of("hosts", "municipality.hosts.invalid", shorten(part))));
            }
            hosts.add(host);
        }
        if (hosts.isEmpty()) {
            return new Parsed(List.of(), Optional.of(Refusal.of("hosts", "municipality.hosts.required")));
        }
        if (hosts.size() > MAX_HOSTS) {
            return new Parsed(List.of(), Optional.of(Refusal.of("hosts", "municipality.hosts.tooMany", MAX_HOSTS)));
        }
        return new Parsed(new ArrayList<>(hosts), Optional.empty());
    }

    private static String shorten(String text) {
        String trimmed = text.trim();
        return trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed;
    }

    public record Parsed(List<String> hosts, Optional<Refusal> refusal) {
    }
}
