package org.baraza.participation.districts;

import java.util.List;
import java.util.Optional;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The districts of a municipality, by code and name, as participation needs them (process scope,
 * eligibility, turnout). Reads the platform's district register read-only, and only the code and name;
 * it is the one place to switch to a platform API for districts once the platform publishes one.
 */
@Component
public class KnownDistricts {

    private final JdbcClient jdbc;

    KnownDistricts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<District> list(OrganizationId organization) {
        return jdbc.sql("SELECT id, code, name FROM district WHERE organization_id = :org ORDER BY name")
            .param("org", organization.value())
            .query((rs, row) -> new District(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name"), null))
            .list();
    }

    public Optional<District> byCode(OrganizationId organization, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return list(organization).stream().filter(district -> district.code().equals(code)).findFirst();
    }

    /** The district's name, or its code if it has since been removed from the register. */
    public String name(OrganizationId organization, String code) {
        return byCode(organization, code).map(District::name).orElse(code);
    }
}
