package org.baraza.platform.verification;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each municipality's secret salt, made at random on first use. It is created and committed in a
 * transaction of its own before anyone hashes with it: were it rolled back with a failed import, the
 * next request would make a different salt and no stored hash would ever match again.
 */
@Component
class CensusSalts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<OrganizationId, byte[]> salts = new ConcurrentHashMap<>();

    CensusSalts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    DocumentHasher hasher(OrganizationId organization) {
        return new DocumentHasher(salts.computeIfAbsent(organization, this::load).clone());
    }

    private byte[] load(OrganizationId organization) {
        return ownTransaction.execute(status -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("INSERT INTO census_salt (organization_id, salt) VALUES (:org, :salt) ON CONFLICT DO NOTHING")
                .param("org", organization.value()).param("salt", fresh).update();
            return jdbc.sql("SELECT salt FROM census_salt WHERE organization_id = :org")
                .param("org", organization.value()).query(byte[].class).single();
        });
    }
}
