package org.baraza.platform.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality's departments, to which staff and (later) service requests belong: created,
 * renamed and removed by its admins, each change audited. Removing a department removes the
 * staff roles limited to it (the schema cascades); each of them is audited as a revoked role.
 */
@Component
public class DepartmentRegister {

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    DepartmentRegister(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
    }

    public Optional<Refusal> create(OrganizationId organization, String code, String name, long actorAccountId) {
        Optional<Refusal> refusal = check(code, name);
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            transaction.executeWithoutResult(status -> {
                long id = jdbc.sql("INSERT INTO department (organization_id, code, name) VALUES (:org, :code, :name) RETURNING id")
                    .param("org", organization.value()).param("code", code.trim()).param("name", name.trim())
                    .query(Long.class).single();
                audit.record(organization, actorAccountId, "department.created", "department:" + id, Map.of("code", code.trim()));
            });
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return Optional.of(Refusal.of("code", "department.code.taken", code.trim()));
        }
    }

    public Optional<Refusal> rename(OrganizationId organization, long departmentId, String code, String name,
                                    long actorAccountId) {
        Optional<Refusal> refusal = check(code, name);
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            transaction.executeWithoutResult(status -> {
                int changed = jdbc.sql("UPDATE department SET code = :code, name = :name WHERE organization_id = :org AND id = :id")
                    .param("org", organization.value()).param("id", departmentId)
                    .param("code", code.trim()).param("name", name.trim()).update();
                if (changed == 1) {
                    audit.record(organization, actorAccountId, "department.renamed", "department:" + departmentId,
                        Map.of("code", code.trim()));
                }
            });
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return Optional.of(Refusal.of("code", "department.code.taken", code.trim()));
        }
    }

    /** How many staff roles are limited to this department: they go with it. */
    public long staffIn(OrganizationId organization, long departmentId) {
        return jdbc.sql("SELECT count(*) FROM role_assignment WHERE organization_id = :org AND department_id = :id")
            .param("org", organization.value()).param("id", departmentId).query(Long.class).single();
    }

    public boolean remove(OrganizationId organization, long departmentId, long actorAccountId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            // the roles the cascade will drop, read under lock so none is granted in between unrecorded
            List<Long> staff = jdbc.sql("""
                    SELECT account_id FROM role_assignment WHERE organization_id = :org AND department_id = :id
                    ORDER BY account_id FOR UPDATE""")
                .param("org", organization.value()).param("id", departmentId).query(Long.class).list();
            Optional<String> code = jdbc.sql("DELETE FROM department WHERE organization_id = :org AND id = :id RETURNING code")
                .param("org", organization.value()).param("id", departmentId).query(String.class).optional();
            code.ifPresent(removed -> {
                audit.record(organization, actorAccountId, "department.removed",
                    "department:" + departmentId, Map.of("code", removed, "staffRolesRemoved", Integer.toString(staff.size())));
                // each dropped role is a revocation like one made on the roles page, and is recorded as one
                for (long account : staff) {
                    audit.record(organization, actorAccountId, "role.revoked", "account:" + account,
                        Map.of("role", "STAFF", "department", Long.toString(departmentId), "because", "department.removed"));
                }
            });
            return code.isPresent();
        }));
    }

    private static Optional<Refusal> check(String code, String name) {
        if (code == null || !CODE.matcher(code.trim()).matches()) {
            return Optional.of(Refusal.of("code", "department.code.invalid"));
        }
        if (name == null || name.isBlank()) {
            return Optional.of(Refusal.of("name", "department.name.required"));
        }
        if (name.trim().length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.of("name", "department.name.invalid", MAX_NAME));
        }
        return Optional.empty();
    }
}
