package org.baraza.participation.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.images.UploadedImage;
import org.baraza.participation.web.Pages;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals, their documents, supports and follows, in SQL; every query names the municipality. */
@Repository
class ProposalRepository {

    /** The proposal's state as a support sees it, read under a lock on its row. */
    record SupportState(ProcessId process, int supports, Instant qualifiedAt, boolean withdrawn, boolean hidden) {
    }

    record Image(byte[] bytes, String mediaType) {
    }

    record StoredDocument(String fileName, byte[] content) {
    }

    private static final String COLUMNS = """
        p.id, p.organization_id, p.process_id, p.author_account_id, p.title, p.summary, p.body, p.category_id,
        c.name AS category_name, p.district_code, p.latitude, p.longitude, p.image_media_type IS NOT NULL AS has_image,
        p.image_alt, p.supports, p.qualified_at, p.withdrawn_at, p.hidden_at, p.hidden_reason, p.created_at, p.updated_at
        FROM proposal p LEFT JOIN proposal_category c ON c.organization_id = p.organization_id AND c.id = p.category_id""";

    private static final String CARD_COLUMNS = """
        p.id, p.process_id, p.title, p.summary, p.category_id, c.name AS category_name, p.district_code, p.latitude,
        p.longitude, p.supports, p.qualified_at, p.withdrawn_at, p.hidden_at, p.created_at""";

    private final JdbcClient jdbc;

    ProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProposalId insert(OrganizationId organization, ProcessId process, long author, ProposalDraft draft, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO proposal (organization_id, process_id, author_account_id, title, summary, body, category_id,
                                      district_code, latitude, longitude, image, image_media_type, image_alt,
                                      created_at, updated_at)
                VALUES (:org, :process, :author, :title, :summary, :body, :category, :district, :lat, :lon,
                        :image, :imageType, :imageAlt, :now, :now)
                RETURNING id""")
            .param("org", organization.value()).param("process", process.value()).param("author", author)
            .param("title", draft.title()).param("summary", draft.summary()).param("body", draft.body())
            .param("category", draft.categoryId(), Types.BIGINT).param("district", draft.districtCode(), Types.VARCHAR)
            .param("lat", draft.point() == null ? null : draft.point().latitude(), Types.DOUBLE)
            .param("lon", draft.point() == null ? null : draft.point().longitude(), Types.DOUBLE)
            .param("image", draft.image() == null ? null : draft.image().bytes(), Types.BINARY)
            .param("imageType", draft.image() == null ? null : draft.image().mediaType(), Types.VARCHAR)
            .param("imageAlt", draft.image() == null ? null : draft.imageAlt(), Types.VARCHAR)
            .param("now", Timestamp.from(now))
            .query(Long.class).single();
        return new ProposalId(id);
    }

    /**
     * Changes what the author wrote, if they still may: not withdrawn or hidden, no support yet, within the
     * edit window. The conditions are checked by the update itself, so a support arriving meanwhile wins.
     *
     * @return false if the proposal could no longer be edited
     */
    boolean update(OrganizationId organization, ProposalId id, long author, ProposalDraft draft, Instant now) {
        return jdbc.sql("""
                UPDATE proposal SET title = :title, summary = :summary, body = :body, category_id = :category,
                       district_code = :district, latitude = :lat, longitude = :lon, updated_at = :now
                WHERE organization_id = :org AND id = :id AND author_account_id = :author
                  AND supports = 0 AND withdrawn_at IS NULL AND hidden_at IS NULL AND created_at > :windowStart""")
            .param("org", organization.value()).param("id", id.value()).param("author", author)
            .param("title", draft.title()).param("summary", draft.summary()).param("body", draft.body())
            .param("category", draft.categoryId(), Types.BIGINT).param("district", draft.districtCode(), Types.VARCHAR)
            .param("lat", draft.point() == null ? null : draft.point().latitude(), Types.DOUBLE)
            .param("lon", draft.point() == null ? null : draft.point().longitude(), Types.DOUBLE)
            .param("now", Timestamp.from(now)).param("windowStart", Timestamp.from(now.minus(Proposal.EDIT_WINDOW)))
            .update() == 1;
    }

    void replaceImage(OrganizationId organization, ProposalId id, UploadedImage.Clean image, String alt) {
        jdbc.sql("UPDATE proposal SET image = :image, image_media_type = :type, image_alt = :alt WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id.value()).param("image", image.bytes(), Types.BINARY)
            .param("type", image.mediaType()).param("alt", alt).update();
    }

    void changeImageAlt(OrganizationId organization, ProposalId id, String alt) {
        jdbc.sql("UPDATE proposal SET image_alt = :alt WHERE organization_id = :org AND id = :id AND image IS NOT NULL")
            .param("org", organization.value()).param("id", id.value()).param("alt", alt).update();
    }

    void removeImage(OrganizationId organization, ProposalId id) {
        jdbc.sql("UPDATE proposal SET image = NULL, image_media_type = NULL, image_alt = NULL WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id.value()).update();
    }

    void insertDocument(OrganizationId organization, ProposalId id, PdfUpload document, Instant now) {
        jdbc.sql("""
                INSERT INTO proposal_document (organization_id, proposal_id, file_name, content, created_at)
                VALUES (:org, :proposal, :name, :content, :now)""")
            .param("org", organization.value()).param("proposal", id.value()).param("name", document.fileName())
            .param("content", document.content(), Types.BINARY).param("now", Timestamp.from(now)).update();
    }

    void deleteDocuments(OrganizationId organization, ProposalId id, List<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM proposal_document WHERE organization_id = :org AND proposal_id = :proposal AND id IN (:ids)")
            .param("org", organization.value()).param("proposal", id.value()).param("ids", documentIds).update();
    }

    Optional<Proposal> find(OrganizationId organization, ProposalId id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE p.organization_id = :org AND p.id = :id")
            .param("org", organization.value()).param("id", id.value())
            .query(ProposalRepository::proposal).optional();
    }

    List<ProposalDocument> documents(OrganizationId organization, ProposalId id) {
        return jdbc.sql("""
                SELECT id, file_name, length(content) AS bytes FROM proposal_document
                WHERE organization_id = :org AND proposal_id = :proposal ORDER BY id""")
            .param("org", organization.value()).param("proposal", id.value())
            .query((rs, row) -> new ProposalDocument(rs.getLong("id"), rs.getString("file_name"), rs.getInt("bytes")))
            .list();
    }

    /** A document of a proposal that is not hidden. */
    Optional<StoredDocument> document(OrganizationId organization, ProposalId id, long documentId) {
        return jdbc.sql("""
                SELECT d.file_name, d.content FROM proposal_document d
                JOIN proposal p ON p.organization_id = d.organization_id AND p.id = d.proposal_id
                WHERE d.organization_id = :org AND d.proposal_id = :proposal AND d.id = :id AND p.hidden_at IS NULL""")
            .param("org", organization.value()).param("proposal", id.value()).param("id", documentId)
            .query((rs, row) -> new StoredDocument(rs.getString("file_name"), rs.getBytes("content")))
            .optional();
    }

    /** The image of a proposal that is not hidden. */
    Optional<Image> image(OrganizationId organization, ProposalId id) {
        return jdbc.sql("""
                SELECT image, image_media_type FROM proposal
                WHERE organization_id = :org AND id = :id AND image IS NOT NULL AND hidden_at IS NULL""")
            .param("org", organization.value()).param("id", id.value())
            .query((rs, row) -> new Image(rs.getBytes("image"), rs.getString("image_media_type")))
            .optional();
    }

    boolean withdraw(OrganizationId organization, ProposalId id, long author, Instant now) {
        return jdbc.sql("""
                UPDATE proposal SET withdrawn_at = :now, updated_at = :now
                WHERE organization_id = :org AND id = :id AND author_account_id = :author AND withdrawn_at IS NULL""")
            .param("org", organization.value()).param("id", id.value()).param("author", author)
            .param("now", Timestamp.from(now)).update() == 1;
    }

    boolean hide(OrganizationId organization, ProposalId id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE proposal SET hidden_at = :now, hidden_reason = :reason
                WHERE organization_id = :org AND id = :id AND (hidden_at IS NULL OR hidden_reason IS NULL)""")
            .param("org", organization.value()).param("id", id.value()).param("reason", reason)
            .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Hidden without a reason: held for a moderator's review after enough flags. */
    boolean holdForReview(OrganizationId organization, ProposalId id, Instant now) {
        return jdbc.sql("""
                UPDATE proposal SET hidden_at = :now
                WHERE organization_id = :org AND id = :id AND hidden_at IS NULL""")
            .param("org", organization.value()).param("id", id.value()).param("now", Timestamp.from(now)).update() == 1;
    }

    boolean restore(OrganizationId organization, ProposalId id) {
        return jdbc.sql("""
                UPDATE proposal SET hidden_at = NULL, hidden_reason = NULL
                WHERE organization_id = :org AND id = :id AND hidden_at IS NOT NULL""")
            .param("org", organization.value()).param("id", id.value()).update() == 1;
    }

    // ---- supports

    /** Locks the proposal's row until the transaction ends: supports of one proposal are counted one at a time. */
    Optional<SupportState> lockForSupport(OrganizationId organization, ProposalId id) {
        return jdbc.sql("""
                SELECT process_id, supports, qualified_at, withdrawn_at IS NOT NULL AS withdrawn, hidden_at IS NOT NULL AS hidden
                FROM proposal WHERE organization_id = :org AND id = :id FOR UPDATE""")
            .param("org", organization.value()).param("id", id.value())
            .query((rs, row) -> new SupportState(new ProcessId(rs.getLong("process_id")), rs.getInt("supports"),
                instant(rs, "qualified_at"), rs.getBoolean("withdrawn"), rs.getBoolean("hidden")))
            .optional();
    }

    /** @return false if the account supported the proposal already (the primary key decides, under any race) */
    boolean insertSupport(OrganizationId organization, ProposalId id, long account, Instant now) {
        return jdbc.sql("""
                INSERT INTO proposal_support (organization_id, proposal_id, account_id, supported_at)
                VALUES (:org, :proposal, :account, :now) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account)
            .param("now", Timestamp.from(now)).update() == 1;
    }

    boolean deleteSupport(OrganizationId organization, ProposalId id, long account) {
        return jdbc.sql("DELETE FROM proposal_support WHERE organization_id = :org AND proposal_id = :proposal AND account_id = :account")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account).update() == 1;
    }

    void setSupports(OrganizationId organization, ProposalId id, int supports, Instant qualifiedAt) {
        jdbc.sql("UPDATE proposal SET supports = :supports, qualified_at = :qualified WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id.value()).param("supports", supports)
            .param("qualified", qualifiedAt == null ? null : Timestamp.from(qualifiedAt), Types.TIMESTAMP)
            .update();
    }

    boolean hasSupported(OrganizationId organization, ProposalId id, long account) {
        return jdbc.sql("SELECT count(*) FROM proposal_support WHERE organization_id = :org AND proposal_id = :proposal AND account_id = :account")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account)
            .query(Long.class).single() > 0;
    }

    // ---- follows

    void follow(OrganizationId organization, ProposalId id, long account, Instant now) {
        jdbc.sql("""
                INSERT INTO proposal_follow (organization_id, proposal_id, account_id, followed_at)
                VALUES (:org, :proposal, :account, :now) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account)
            .param("now", Timestamp.from(now)).update();
    }

    void unfollow(OrganizationId organization, ProposalId id, long account) {
        jdbc.sql("DELETE FROM proposal_follow WHERE organization_id = :org AND proposal_id = :proposal AND account_id = :account")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account).update();
    }

    boolean follows(OrganizationId organization, ProposalId id, long account) {
        return jdbc.sql("SELECT count(*) FROM proposal_follow WHERE organization_id = :org AND proposal_id = :proposal AND account_id = :account")
            .param("org", organization.value()).param("proposal", id.value()).param("account", account)
            .query(Long.class).single() > 0;
    }

    void forEachFollower(OrganizationId organization, ProposalId id, LongConsumer follower) {
        jdbc.sql("SELECT account_id FROM proposal_follow WHERE organization_id = :org AND proposal_id = :proposal")
            .param("org", organization.value()).param("proposal", id.value())
            .query(rs -> {
                follower.accept(rs.getLong(1));
            });
    }

    // ---- an account deleted

    /** The proposals stay, as a former resident's; the account's follows go (no one is left to notify). */
    void forgetAccount(OrganizationId organization, long account) {
        jdbc.sql("UPDATE proposal SET author_account_id = NULL WHERE organization_id = :org AND author_account_id = :account")
            .param("org", organization.value()).param("account", account).update();
        jdbc.sql("DELETE FROM proposal_follow WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", account).update();
    }

    // ---- lists

    Pages<ProposalCard> list(ProposalQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        parameters.put("limit", query.size());
        parameters.put("offset", Pages.offset(query.page(), query.size()));
        String ids = switch (query.effectiveSort()) {
            case RANDOM -> {
                // round the circle of shuffle values from the visitor's starting point: the values at or after
                // it, then those before it; each part an index range scan no longer than the page's end
                parameters.put("start", (int) (query.seed() % Integer.MAX_VALUE));
                parameters.put("upto", Pages.offset(query.page(), query.size()) + query.size());
                yield "SELECT id FROM ((SELECT p.id, 0 AS part, p.shuffle FROM proposal p" + where
                    + " AND p.shuffle >= :start ORDER BY p.shuffle, p.id LIMIT :upto)"
                    + " UNION ALL (SELECT p.id, 1 AS part, p.shuffle FROM proposal p" + where
                    + " AND p.shuffle < :start ORDER BY p.shuffle, p.id LIMIT :upto)) rotated"
                    + " ORDER BY part, shuffle, id LIMIT :limit OFFSET :offset";
            }
            case MOST_SUPPORTED -> "SELECT p.id FROM proposal p" + where + " ORDER BY p.supports DESC, p.id DESC"
                + " LIMIT :limit OFFSET :offset";
            case NEWEST -> "SELECT p.id FROM proposal p" + where + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset";
            case RELEVANCE -> "SELECT p.id FROM proposal p" + where
                + " ORDER BY ts_rank(p.search, to_tsquery('proposal_search', :words)) DESC, p.id DESC LIMIT :limit OFFSET :offset";
        };
        // the page's ids first, from the indexes alone, then the rows of those few; ARRAY(subquery) keeps the
        // subquery's order, WITH ORDINALITY numbers it
        List<ProposalCard> cards = jdbc.sql("SELECT " + CARD_COLUMNS
                + " FROM unnest(ARRAY(" + ids + ")) WITH ORDINALITY AS page (id, position)"
                + " JOIN proposal p ON p.id = page.id"
                + " LEFT JOIN proposal_category c ON c.organization_id = p.organization_id AND c.id = p.category_id"
                + " ORDER BY page.position")
            .params(parameters)
            .query(ProposalRepository::card).list();
        long total = jdbc.sql("SELECT count(*) FROM proposal p" + where).params(parameters).query(Long.class).single();
        return new Pages<>(cards, query.page(), query.size(), total);
    }

    /** The located proposals of a query, at most {@code limit}, most supported first. */
    List<ProposalCard> located(ProposalQuery query, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters) + " AND p.latitude IS NOT NULL";
        parameters.put("limit", limit);
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM proposal p"
                + " LEFT JOIN proposal_category c ON c.organization_id = p.organization_id AND c.id = p.category_id"
                + where + " ORDER BY p.supports DESC, p.id DESC LIMIT :limit")
            .params(parameters)
            .query(ProposalRepository::card).list();
    }

    /** The qualified proposals of a process still in play, in the order they qualified. */
    List<ProposalCard> qualified(OrganizationId organization, ProcessId process) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM proposal p"
                + " LEFT JOIN proposal_category c ON c.organization_id = p.organization_id AND c.id = p.category_id"
                + " WHERE p.organization_id = :org AND p.process_id = :process AND p.qualified_at IS NOT NULL"
                + " AND p.withdrawn_at IS NULL AND p.hidden_at IS NULL ORDER BY p.qualified_at, p.id")
            .param("org", organization.value()).param("process", process.value())
            .query(ProposalRepository::card).list();
    }

    private static String where(ProposalQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE p.organization_id = :org AND p.process_id = :process AND p.hidden_at IS NULL");
        parameters.put("org", query.organization().value());
        parameters.put("process", query.process().value());
        switch (query.status()) {
            case CURRENT -> where.append(" AND p.withdrawn_at IS NULL");
            case OPEN -> where.append(" AND p.withdrawn_at IS NULL AND p.qualified_at IS NULL");
            case QUALIFIED -> where.append(" AND p.withdrawn_at IS NULL AND p.qualified_at IS NOT NULL");
            case WITHDRAWN -> where.append(" AND p.withdrawn_at IS NOT NULL");
        }
        if (query.categoryId() != null) {
            where.append(" AND p.category_id = :category");
            parameters.put("category", query.categoryId());
        }
        if (query.districtCode() != null) {
            where.append(" AND p.district_code = :district");
            parameters.put("district", query.districtCode());
        }
        if (query.searches()) {
            where.append(" AND p.search @@ to_tsquery('proposal_search', :words)");
            parameters.put("words", query.prefixQuery());
        }
        return where.toString();
    }

    private static Proposal proposal(ResultSet rs, int row) throws SQLException {
        long author = rs.getLong("author_account_id");
        Long authorId = rs.wasNull() ? null : author;
        return new Proposal(new ProposalId(rs.getLong("id")), new OrganizationId(rs.getLong("organization_id")),
            new ProcessId(rs.getLong("process_id")), authorId, rs.getString("title"), rs.getString("summary"),
            rs.getString("body"), category(rs), rs.getString("district_code"), point(rs), rs.getBoolean("has_image"),
            rs.getString("image_alt"), rs.getInt("supports"), instant(rs, "qualified_at"), instant(rs, "withdrawn_at"),
            instant(rs, "hidden_at"), rs.getString("hidden_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ProposalCard card(ResultSet rs, int row) throws SQLException {
        Instant qualified = instant(rs, "qualified_at");
        ProposalStatus status = instant(rs, "hidden_at") != null ? ProposalStatus.HIDDEN
            : instant(rs, "withdrawn_at") != null ? ProposalStatus.WITHDRAWN
            : qualified != null ? ProposalStatus.QUALIFIED : ProposalStatus.OPEN;
        return new ProposalCard(new ProposalId(rs.getLong("id")), new ProcessId(rs.getLong("process_id")),
            rs.getString("title"), rs.getString("summary"), category(rs), rs.getString("district_code"), point(rs),
            rs.getInt("supports"), status, qualified, instant(rs, "created_at"));
    }

    private static Category category(ResultSet rs) throws SQLException {
        long id = rs.getLong("category_id");
        return rs.wasNull() ? null : new Category(id, rs.getString("category_name"));
    }

    private static MapPoint point(ResultSet rs) throws SQLException {
        double latitude = rs.getDouble("latitude");
        if (rs.wasNull()) {
            return null;
        }
        return new MapPoint(latitude, rs.getDouble("longitude"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
