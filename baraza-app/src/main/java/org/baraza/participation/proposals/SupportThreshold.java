package org.baraza.participation.proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share of the census whose supports qualify a proposal, set per process by an admin. Without a
 * setting it is {@link #DEFAULT_PERCENT}, Decide Madrid's rule (1 % of the census). Like voting rules,
 * it is frozen once supports have opened in the process: moving the bar mid-way would change the
 * outcome for proposals already being supported.
 */
@Service
class SupportThreshold {

    static final BigDecimal DEFAULT_PERCENT = BigDecimal.ONE;
    static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(100);

    /** The threshold of a process now: its percentage, the census it applies to and the supports it takes. */
    record Needed(BigDecimal percent, long census, long supports) {

        /** No census loaded yet: nothing can qualify until there is one. */
        public boolean isKnown() {
            return supports > 0;
        }
    }

    /** Why a change was refused. */
    enum Refusal {
        SUPPORTS_OPENED;

        String messageKey() {
            return "proposals.threshold.refused." + name();
        }
    }

    private final JdbcClient jdbc;
    private final CensusSize census;
    private final ProcessCatalogue processes;
    private final AuditTrail audit;

    SupportThreshold(JdbcClient jdbc, CensusSize census, ProcessCatalogue processes, AuditTrail audit) {
        this.jdbc = jdbc;
        this.census = census;
        this.processes = processes;
        this.audit = audit;
    }

    BigDecimal percent(OrganizationId organization, ProcessId process) {
        return jdbc.sql("SELECT percent FROM proposal_threshold WHERE organization_id = :org AND process_id = :process")
            .param("org", organization.value()).param("process", process.value())
            .query(BigDecimal.class).optional().orElse(DEFAULT_PERCENT);
    }

    Needed needed(OrganizationId organization, ProcessId process) {
        BigDecimal percent = percent(organization, process);
        long size = census.of(organization);
        long supports = percent.multiply(BigDecimal.valueOf(size)).divide(MAX_PERCENT, 0, RoundingMode.CEILING).longValue();
        return new Needed(percent, size, supports);
    }

    /** Whether supports have opened in the process at {@code now} (a phase allowing them has begun). */
    static boolean supportsOpened(ParticipatoryProcess process, Instant now) {
        return process.phases().stream().anyMatch(phase -> phase.allows(PhaseAction.SUPPORT) && !now.isBefore(phase.startsAt()));
    }

    @Transactional
    Optional<Refusal> set(OrganizationId organization, long adminAccountId, ProcessId processId, BigDecimal percent,
                          Instant now) {
        // the process row is locked first, so that its phases cannot move while the setting is checked against them
        jdbc.sql("SELECT id FROM participatory_process WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", processId.value()).query(Long.class).single();
        ParticipatoryProcess process = processes.any(organization, processId).orElseThrow();
        if (supportsOpened(process, now)) {
            return Optional.of(Refusal.SUPPORTS_OPENED);
        }
        jdbc.sql("""
                INSERT INTO proposal_threshold (organization_id, process_id, percent, updated_at)
                VALUES (:org, :process, :percent, :now)
                ON CONFLICT (process_id) DO UPDATE SET percent = EXCLUDED.percent, updated_at = EXCLUDED.updated_at""")
            .param("org", organization.value()).param("process", processId.value()).param("percent", percent)
            .param("now", Timestamp.from(now)).update();
        audit.record(organization, adminAccountId, "proposal-threshold.set", "process:" + processId.value(),
            Map.of("percent", percent.toPlainString()));
        return Optional.empty();
    }
}
