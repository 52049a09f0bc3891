package org.baraza.platform.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table, always within one municipality. */
@Repository
class AccountRepository {

    /** Shown instead of the pseudonym of a resident who deleted their account. */
    static final String FORMER_RESIDENT = "Former resident";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the login is taken in this municipality */
    long insert(OrganizationId organization, Login login, String passwordHash, String displayName, String legalName,
                String language, Instant now, Instant confirmedAt) {
        return jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, legal_name,
                                     language, created_at, confirmed_at)
                VALUES (:org, :login, :channel, :hash, :displayName, :legalName, :language, :now, :confirmedAt)
                RETURNING id""")
            .param("org", organization.value()).param("login", login.value()).param("channel", login.channel().code)
            .param("hash", passwordHash).param("displayName", displayName).param("legalName", legalName)
            .param("language", language).param("now", Timestamp.from(now))
            .param("confirmedAt", confirmedAt == null ? null : Timestamp.from(confirmedAt), java.sql.Types.TIMESTAMP)
            .query(Long.class).single();
    }

    Optional<StoredAccount> findByLogin(OrganizationId organization, Login login) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND login = :login")
            .param("org", organization.value()).param("login", login.value())
            .query(AccountRepository::account).optional();
    }

    Optional<StoredAccount> find(OrganizationId organization, long id) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id)
            .query(AccountRepository::account).optional();
    }

    /** Locks the row for the rest of the transaction (deletion, password change). */
    Optional<StoredAccount> findForUpdate(OrganizationId organization, long id) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", id)
            .query(AccountRepository::account).optional();
    }

    /**
     * Counts a failed sign-in in one statement, so parallel guesses are all counted; the
     * {@code threshold}-th failure locks the account until {@code lockUntil} and starts the count again.
     *
     * @return whether the account is now locked
     */
    boolean recordFailedSignIn(OrganizationId organization, long id, int threshold, Instant lockUntil) {
        return jdbc.sql("""
                UPDATE account
                   SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :threshold THEN 0 ELSE failed_sign_ins + 1 END,
                       locked_until    = CASE WHEN failed_sign_ins + 1 >= :threshold THEN :until ELSE locked_until END
                 WHERE organization_id = :org AND id = :id
                RETURNING locked_until = :until""")
            .param("threshold", threshold).param("until", Timestamp.from(lockUntil))
            .param("org", organization.value()).param("id", id)
            .query(Boolean.class).optional().orElse(false);
    }

    void clearFailedSignIns(OrganizationId organization, long id) {
        jdbc.sql("""
                UPDATE account SET failed_sign_ins = 0, locked_until = NULL
                 WHERE organization_id = :org AND id = :id AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)""")
            .param("org", organization.value()).param("id", id).update();
    }

    void confirm(OrganizationId organization, long id, Instant now) {
        jdbc.sql("UPDATE account SET confirmed_at = :now WHERE organization_id = :org AND id = :id AND confirmed_at IS NULL")
            .param("now", Timestamp.from(now)).param("org", organization.value()).param("id", id).update();
    }

    void changePassword(OrganizationId organization, long id, String passwordHash) {
        jdbc.sql("""
                UPDATE account SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL
                 WHERE organization_id = :org AND id = :id AND deleted_at IS NULL""")
            .param("hash", passwordHash).param("org", organization.value()).param("id", id).update();
    }

    void changeProfile(OrganizationId organization, long id, String displayName, String legalName, String language) {
        jdbc.sql("""
                UPDATE account SET display_name = :displayName, legal_name = :legalName, language = :language
                 WHERE organization_id = :org AND id = :id AND deleted_at IS NULL""")
            .param("displayName", displayName).param("legalName", legalName).param("language", language)
            .param("org", organization.value()).param("id", id).update();
    }

    void changeLanguage(OrganizationId organization, long id, String language) {
        jdbc.sql("""
                UPDATE account SET language = :language
                 WHERE organization_id = :org AND id = :id AND deleted_at IS NULL AND language IS DISTINCT FROM :language""")
            .param("language", language).param("org", organization.value()).param("id", id).update();
    }

    /** Clears everything that identifies the person; the row stays so contributions keep an author id. */
    void anonymise(OrganizationId organization, long id, Instant now) {
        jdbc.sql("""
                UPDATE account SET login = NULL, login_channel = NULL, password_hash = NULL, legal_name = NULL,
                                   language = NULL, display_name = :former, failed_sign_ins = 0, locked_until = NULL,
                                   deleted_at = :now
                 WHERE organization_id = :org AND id = :id AND deleted_at IS NULL""")
            .param("former", FORMER_RESIDENT).param("now", Timestamp.from(now))
            .param("org", organization.value()).param("id", id).update();
    }

    /** The account's chosen language, else its municipality's default one; empty for an unknown or deleted account. */
    Optional<String> language(OrganizationId organization, long id) {
        return jdbc.sql("""
                SELECT coalesce(a.language, o.default_language) FROM account a
                  JOIN organization o ON o.id = a.organization_id
                 WHERE a.organization_id = :org AND a.id = :id AND a.deleted_at IS NULL""")
            .param("org", organization.value()).param("id", id).query(String.class).optional();
    }

    private static final String SELECT = """
        SELECT id, organization_id, login, login_channel, password_hash, display_name, legal_name, language,
               confirmed_at, failed_sign_ins, locked_until, created_at, deleted_at
          FROM account""";

    private static StoredAccount account(ResultSet rs, int row) throws SQLException {
        String login = rs.getString("login");
        return new StoredAccount(rs.getLong("id"), new OrganizationId(rs.getLong("organization_id")),
            login == null ? null : new Login(login, Login.Channel.of(rs.getString("login_channel"))),
            rs.getString("password_hash"), rs.getString("display_name"), rs.getString("legal_name"),
            rs.getString("language"), instant(rs, "confirmed_at"), rs.getInt("failed_sign_ins"),
            instant(rs, "locked_until"), instant(rs, "created_at"), instant(rs, "deleted_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
