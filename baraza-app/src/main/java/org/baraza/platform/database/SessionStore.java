package org.baraza.platform.database;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL: two requests of one session that both write an attribute would collide on
 * the attribute table's key and fail; PostgreSQL's upsert lets the later one win instead.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /**
     * How stale a session's recorded last access may be. Spring Session marks the session changed on every
     * request (its last access time moved) and rewrites its row: one more write and synchronous commit per
     * page and per vote. Skipping the write while only the access time moved, and by less than this, lets a
     * session that was idle for its whole 8-hour timeout expire at most this much early.
     */
    static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    /**
     * Spring Session's own update, with its six parameters in its order, that writes the row only if the id,
     * the timeout or the principal changed, or the last access moved by {@link #TOUCH_GRANULARITY} or more.
     * A statement that matches no row writes nothing, so its transaction commits without a disk flush.
     */
    static final String UPDATE_UNLESS_ONLY_TOUCHED = """
        UPDATE %%TABLE_NAME%% AS s
           SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
               MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
          FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
                       CAST(? AS integer) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
                       CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) AS v
         WHERE s.PRIMARY_ID = v.primary_id
           AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                OR v.last_access_time - s.LAST_ACCESS_TIME >= %d)
        """.formatted(TOUCH_GRANULARITY.toMillis());

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRowWrittenOnlyWhenChanged() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_UNLESS_ONLY_TOUCHED);
    }
}
