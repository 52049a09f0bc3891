package org.baraza.platform.tenancy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality's districts as its admins keep them: imported from GeoJSON all or nothing,
 * renamed, removed. Every change is audited in the same transaction.
 */
@Component
public class DistrictRegister {

    /** Larger district files are refused before they are read. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    DistrictRegister(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
    }

    /**
     * One problem of a refused import: the feature's number in the file (1 for the first; 0 for the
     * file as a whole) and a translated message (admin bundle) with its arguments.
     */
    public record ImportProblem(int feature, String messageKey, List<Object> arguments) {
        public ImportProblem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /**
     * What an import did: districts added and replaced (same code), or, when {@code problems} is
     * not empty, nothing at all. {@code moreProblems} says the file has problems beyond those listed.
     */
    public record ImportResult(int added, int replaced, List<ImportProblem> problems, boolean moreProblems) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads a GeoJSON FeatureCollection and, if every feature is sound, adds its districts or
     * replaces those with the same code (keeping their ids, so what refers to them stays); districts
     * not in the file are kept. Nothing is stored if any feature has a problem.
     */
    public ImportResult importGeoJson(OrganizationId organization, InputStream file, long actorAccountId) {
        DistrictFile.Read read = DistrictFile.read(file);
        if (!read.accepted()) {
            return new ImportResult(0, 0, read.problems(), read.moreProblems());
        }
        int[] counts = transaction.execute(status -> {
            int added = 0;
            int replaced = 0;
            for (DistrictFile.Shape shape : read.shapes()) {
                boolean inserted = jdbc.sql("""
                        INSERT INTO district (organization_id, code, name, geometry) VALUES (:org, :code, :name, :geometry)
                        ON CONFLICT (organization_id, code) DO UPDATE SET name = EXCLUDED.name, geometry = EXCLUDED.geometry
                        RETURNING (xmax = 0) AS inserted""")
                    .param("org", organization.value())
                    .param("code", shape.code())
                    .param("name", shape.name())
                    .param("geometry", DistrictGeoJson.geometry(shape.geometry()))
                    .query(Boolean.class).single();
                if (inserted) {
                    added++;
                } else {
                    replaced++;
                }
            }
            audit.record(organization, actorAccountId, "districts.imported", "districts",
                Map.of("features", Integer.toString(read.shapes().size()), "added", Integer.toString(added),
                    "replaced", Integer.toString(replaced)));
            return new int[] {added, replaced};
        });
        return new ImportResult(counts[0], counts[1], List.of(), false);
    }

    /** Renames a district and may change its code; empty when done, else why not. */
    public Optional<Refusal> rename(OrganizationId organization, long districtId, String code, String name, long actorAccountId) {
        String trimmedCode = code == null ? "" : code.trim();
        String trimmedName = name == null ? "" : name.trim();
        if (!DistrictFile.CODE.matcher(trimmedCode).matches()) {
            return Optional.of(Refusal.of("code", "district.code.invalid"));
        }
        if (trimmedName.isEmpty() || trimmedName.length() > DistrictFile.MAX_NAME
            || trimmedName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.of("name", "district.name.invalid", DistrictFile.MAX_NAME));
        }
        try {
            transaction.executeWithoutResult(status -> {
                int changed = jdbc.sql("UPDATE district SET code = :code, name = :name WHERE organization_id = :org AND id = :id")
                    .param("code", trimmedCode).param("name", trimmedName)
                    .param("org", organization.value()).param("id", districtId).update();
                if (changed == 1) {
                    audit.record(organization, actorAccountId, "district.renamed", "district:" + districtId,
                        Map.of("code", trimmedCode));
                }
            });
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return Optional.of(Refusal.of("code", "district.code.taken", trimmedCode));
        }
    }

    /** Removes a district; what referred to it forgets it (see the demographics trigger). */
    public boolean remove(OrganizationId organization, long districtId, long actorAccountId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<String> code = jdbc.sql("DELETE FROM district WHERE organization_id = :org AND id = :id RETURNING code")
                .param("org", organization.value()).param("id", districtId).query(String.class).optional();
            code.ifPresent(removed -> audit.record(organization, actorAccountId, "district.removed", "district:" + districtId,
                Map.of("code", removed)));
            return code.isPresent();
        }));
    }
}
