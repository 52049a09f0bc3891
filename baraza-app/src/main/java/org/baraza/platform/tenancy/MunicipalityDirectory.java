package org.baraza.platform.tenancy;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the municipality that a host name belongs to. Every request asks, so answers are cached;
 * the platform console calls {@link #forget()} when it changes a municipality or its hosts.
 */
@Component
public class MunicipalityDirectory {

    private final JdbcClient jdbc;
    private final ConcurrentMap<String, Optional<Municipality>> byHost = new ConcurrentHashMap<>();

    MunicipalityDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Municipality> forHost(String host) {
        String key = normalise(host);
        return byHost.computeIfAbsent(key, this::load);
    }

    public Optional<Municipality> byId(OrganizationId id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id")
            .param("id", id.value())
            .query(MunicipalityDirectory::municipality)
            .optional();
    }

    public List<Municipality> all() {
        return jdbc.sql(SELECT + " ORDER BY o.name").query(MunicipalityDirectory::municipality).list();
    }

    public void forget() {
        byHost.clear();
    }

    private Optional<Municipality> load(String host) {
        return jdbc.sql(SELECT + " JOIN organization_host h ON h.organization_id = o.id WHERE h.host = :host")
            .param("host", host)
            .query(MunicipalityDirectory::municipality)
            .optional();
    }

    /** Lower case, without a port; an IPv6 literal keeps its brackets. */
    static String normalise(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.indexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    private static final String SELECT = """
        SELECT o.id, o.slug, o.name, o.default_language, o.enabled_languages, o.time_zone,
               o.primary_colour, o.logo IS NOT NULL AS has_logo
        FROM organization o""";

    private static Municipality municipality(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String[] languages = (String[]) rs.getArray("enabled_languages").getArray();
        return new Municipality(new OrganizationId(rs.getLong("id")), rs.getString("slug"), rs.getString("name"),
            rs.getString("default_language"), Arrays.asList(languages), ZoneId.of(rs.getString("time_zone")),
            rs.getString("primary_colour"), rs.getBoolean("has_logo"));
    }
}
