package org.baraza.platform.tenancy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.i18n.ResidentLanguage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and configures the municipalities this installation hosts: what the platform console
 * and a municipality's own admins change. Each change is one transaction with its audit entry
 * (in the municipality's own chain, whoever made it); the host cache is cleared once it is committed.
 */
@Component
public class Municipalities {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    public static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final MunicipalityDirectory directory;

    Municipalities(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit, MunicipalityDirectory directory) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.directory = directory;
    }

    /** What a municipality is called, speaks, and looks like. */
    public record Settings(String name, String defaultLanguage, List<String> enabledLanguages, ZoneId timeZone,
                           String primaryColour) {
        public Settings {
            enabledLanguages = List.copyOf(enabledLanguages);
        }
    }

    /** A logo as stored and served. */
    public record Logo(byte[] bytes, String mediaType) {
    }

    /** The id of the new municipality, or why it was not created. */
    public record Created(Optional<OrganizationId> id, Optional<Refusal> refusal) {
    }

    public Created create(String slug, Settings settings, List<String> hosts, long actorAccountId) {
        Optional<Refusal> refusal = check(settings).or(() -> checkSlug(slug)).or(() -> hostsTaken(hosts, null));
        if (refusal.isPresent()) {
            return new Created(Optional.empty(), refusal);
        }
        try {
            OrganizationId id = transaction.execute(status -> {
                long created = jdbc.sql("""
                        INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone, primary_colour)
                        VALUES (:slug, :name, :language, :languages, :zone, :colour) RETURNING id""")
                    .param("slug", slug)
                    .param("name", settings.name())
                    .param("language", settings.defaultLanguage())
                    .param("languages", settings.enabledLanguages().toArray(String[]::new))
                    .param("zone", settings.timeZone().getId())
                    .param("colour", settings.primaryColour())
                    .query(Long.class).single();
                OrganizationId organization = new OrganizationId(created);
                insertHosts(organization, hosts);
                audit.record(organization, actorAccountId, "municipality.created", "organization:" + created,
                    details(settings, hosts, slug));
                return organization;
            });
            return new Created(Optional.of(id), Optional.empty());
        } catch (DuplicateKeyException race) {
            // another request took the slug or a host between the check and the insert
            return new Created(Optional.empty(), Optional.of(Refusal.of("hosts", "municipality.taken")));
        } finally {
            directory.forget();
        }
    }

    /**
     * Changes name, languages, time zone and colour and, unless {@code hosts} is null, replaces the
     * host names; all or nothing. Empty when done, else why not.
     */
    public Optional<Refusal> configure(OrganizationId organization, Settings settings, List<String> hosts,
                                       long actorAccountId) {
        Optional<Refusal> refusal = check(settings).or(() -> hosts == null ? Optional.empty() : hostsTaken(hosts, organization));
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            transaction.executeWithoutResult(status -> {
                int changed = jdbc.sql("""
                        UPDATE organization SET name = :name, default_language = :language, enabled_languages = :languages,
                               time_zone = :zone, primary_colour = :colour
                        WHERE id = :id""")
                    .param("id", organization.value())
                    .param("name", settings.name())
                    .param("language", settings.defaultLanguage())
                    .param("languages", settings.enabledLanguages().toArray(String[]::new))
                    .param("zone", settings.timeZone().getId())
                    .param("colour", settings.primaryColour())
                    .update();
                if (changed != 1) {
                    return;
                }
                if (hosts != null) {
                    jdbc.sql("DELETE FROM organization_host WHERE organization_id = :id").param("id", organization.value()).update();
                    insertHosts(organization, hosts);
                }
                audit.record(organization, actorAccountId, "municipality.configured", "organization:" + organization,
                    details(settings, hosts, null));
            });
            return Optional.empty();
        } catch (DuplicateKeyException race) {
            return Optional.of(Refusal.of("hosts", "municipality.taken"));
        } finally {
            directory.forget();
        }
    }

    /** Stores a new logo after checking it is a small PNG or JPEG that decodes; empty when done. */
    public Optional<Refusal> changeLogo(OrganizationId organization, byte[] bytes, long actorAccountId) {
        LogoImage.Checked checked = LogoImage.check(bytes);
        if (checked.refusal().isPresent()) {
            return checked.refusal();
        }
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("UPDATE organization SET logo = :logo, logo_media_type = :type WHERE id = :id")
                    .param("logo", bytes).param("type", checked.mediaType()).param("id", organization.value())
                    .update();
                audit.record(organization, actorAccountId, "municipality.logoChanged", "organization:" + organization,
                    Map.of("mediaType", checked.mediaType(), "bytes", Integer.toString(bytes.length)));
            });
            return Optional.empty();
        } finally {
            directory.forget();
        }
    }

    public void removeLogo(OrganizationId organization, long actorAccountId) {
        try {
            transaction.executeWithoutResult(status -> {
                int changed = jdbc.sql("UPDATE organization SET logo = NULL, logo_media_type = NULL WHERE id = :id AND logo IS NOT NULL")
                    .param("id", organization.value()).update();
                if (changed == 1) {
                    audit.record(organization, actorAccountId, "municipality.logoRemoved", "organization:" + organization, Map.of());
                }
            });
        } finally {
            directory.forget();
        }
    }

    public Optional<Logo> logo(OrganizationId organization) {
        return jdbc.sql("SELECT logo, logo_media_type FROM organization WHERE id = :id AND logo IS NOT NULL")
            .param("id", organization.value())
            .query((rs, row) -> new Logo(rs.getBytes("logo"), rs.getString("logo_media_type")))
            .optional();
    }

    public List<String> hosts(OrganizationId organization) {
        return jdbc.sql("SELECT host FROM organization_host WHERE organization_id = :id ORDER BY host")
            .param("id", organization.value()).query(String.class).list();
    }

    private void insertHosts(OrganizationId organization, List<String> hosts) {
        for (String host : hosts) {
            jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES (:host, :id)")
                .param("host", host).param("id", organization.value()).update();
        }
    }

    private Optional<Refusal> checkSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.of(Refusal.of("slug", "municipality.slug.invalid"));
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM organization WHERE slug = :slug").param("slug", slug)
            .query(Long.class).single() > 0;
        return taken ? Optional.of(Refusal.of("slug", "municipality.slug.taken", slug)) : Optional.empty();
    }

    /** The first host already used by another municipality: hosts are unique across the installation. */
    private Optional<Refusal> hostsTaken(List<String> hosts, OrganizationId except) {
        if (hosts.isEmpty()) {
            return Optional.of(Refusal.of("hosts", "municipality.hosts.required"));
        }
        return jdbc.sql("""
                SELECT h.host, o.name FROM organization_host h JOIN organization o ON o.id = h.organization_id
                WHERE h.host = ANY(:hosts) AND h.organization_id <> :except ORDER BY h.host LIMIT 1""")
            .param("hosts", hosts.toArray(String[]::new))
            .param("except", except == null ? -1L : except.value())
            .query((rs, row) -> Refusal.of("hosts", "municipality.hosts.taken", rs.getString("host"), rs.getString("name")))
            .optional();
    }

    private static Optional<Refusal> check(Settings settings) {
        String name = settings.name();
        if (name == null || name.isBlank()) {
            return Optional.of(Refusal.of("name", "municipality.name.required"));
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.of("name", "municipality.name.invalid", MAX_NAME));
        }
        if (settings.enabledLanguages().isEmpty() || !ResidentLanguage.SHIPPED.containsAll(settings.enabledLanguages())) {
            return Optional.of(Refusal.of("enabledLanguages", "municipality.languages.required"));
        }
        if (!settings.enabledLanguages().contains(settings.defaultLanguage())) {
            return Optional.of(Refusal.of("defaultLanguage", "municipality.defaultLanguage.notEnabled"));
        }
        if (settings.primaryColour() == null || !COLOUR.matcher(settings.primaryColour()).matches()) {
            return Optional.of(Refusal.of("primaryColour", "municipality.colour.invalid"));
        }
        return Optional.empty();
    }

    private static Map<String, String> details(Settings settings, List<String> hosts, String slug) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", settings.name());
        details.put("languages", String.join(",", new ArrayList<>(settings.enabledLanguages())));
        details.put("defaultLanguage", settings.defaultLanguage());
        details.put("timeZone", settings.timeZone().getId());
        details.put("colour", settings.primaryColour());
        if (hosts != null) {
            details.put("hosts", String.join(",", hosts));
        }
        if (slug != null) {
            details.put("slug", slug);
        }
        return details;
    }
}
