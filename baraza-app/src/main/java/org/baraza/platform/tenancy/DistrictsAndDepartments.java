package org.baraza.platform.tenancy;

import java.util.List;
import java.util.Optional;
import org.baraza.platform.Department;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a municipality's districts and departments; always for one municipality. */
@Component
public class DistrictsAndDepartments implements org.baraza.platform.Districts {

    private final JdbcClient jdbc;

    DistrictsAndDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<District> list(OrganizationId organization) {
        return districts(organization);
    }

    public List<District> districts(OrganizationId organization) {
        return jdbc.sql("SELECT id, code, name, geometry FROM district WHERE organization_id = :org ORDER BY name")
            .param("org", organization.value())
            .query((rs, row) -> new District(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name"),
                rs.getString("geometry")))
            .list();
    }

    public List<Department> departments(OrganizationId organization) {
        return jdbc.sql("SELECT id, code, name FROM department WHERE organization_id = :org ORDER BY name")
            .param("org", organization.value())
            .query((rs, row) -> new Department(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name")))
            .list();
    }

    public Optional<District> district(OrganizationId organization, long id) {
        return jdbc.sql("SELECT id, code, name, geometry FROM district WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id)
            .query((rs, row) -> new District(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name"),
                rs.getString("geometry")))
            .optional();
    }

    public Optional<District> district(OrganizationId organization, String code) {
        return jdbc.sql("SELECT id, code, name, geometry FROM district WHERE organization_id = :org AND code = :code")
            .param("org", organization.value()).param("code", code)
            .query((rs, row) -> new District(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name"),
                rs.getString("geometry")))
            .optional();
    }

    public Optional<Department> department(OrganizationId organization, long id) {
        return jdbc.sql("SELECT id, code, name FROM department WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id)
            .query((rs, row) -> new Department(rs.getLong("id"), organization, rs.getString("code"), rs.getString("name")))
            .optional();
    }
}
