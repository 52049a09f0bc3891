package org.baraza.participation.proposals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> list(OrganizationId organization) {
        return jdbc.sql("SELECT id, name FROM proposal_category WHERE organization_id = :org ORDER BY lower(name), id")
            .param("org", organization.value())
            .query((rs, row) -> new Category(rs.getLong("id"), rs.getString("name")))
            .list();
    }

    Optional<Category> find(OrganizationId organization, long id) {
        return jdbc.sql("SELECT id, name FROM proposal_category WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id)
            .query((rs, row) -> new Category(rs.getLong("id"), rs.getString("name")))
            .optional();
    }

    /** @return the new id, or empty if the municipality has a category of that name already */
    Optional<Long> insert(OrganizationId organization, String name, Instant now) {
        return jdbc.sql("""
                INSERT INTO proposal_category (organization_id, name, created_at) VALUES (:org, :name, :now)
                ON CONFLICT (organization_id, lower(name)) DO NOTHING RETURNING id""")
            .param("org", organization.value()).param("name", name).param("now", Timestamp.from(now))
            .query(Long.class).optional();
    }

    /** @return false if another category has that name (or there is no such category) */
    boolean rename(OrganizationId organization, long id, String name) {
        return jdbc.sql("""
                UPDATE proposal_category SET name = :name WHERE organization_id = :org AND id = :id
                AND NOT EXISTS (SELECT 1 FROM proposal_category other
                                WHERE other.organization_id = :org AND lower(other.name) = lower(:name) AND other.id <> :id)""")
            .param("org", organization.value()).param("id", id).param("name", name).update() == 1;
    }

    long proposalsIn(OrganizationId organization, long id) {
        return jdbc.sql("SELECT count(*) FROM proposal WHERE organization_id = :org AND category_id = :id")
            .param("org", organization.value()).param("id", id).query(Long.class).single();
    }

    /** @return false if proposals are filed under it (or there is no such category) */
    boolean delete(OrganizationId organization, long id) {
        return jdbc.sql("""
                DELETE FROM proposal_category c WHERE c.organization_id = :org AND c.id = :id
                AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.organization_id = :org AND p.category_id = :id)""")
            .param("org", organization.value()).param("id", id).update() == 1;
    }
}
