package org.zhibao.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhibao.database.SecretBox;
import org.zhibao.region.Jurisdiction;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append an entry, search entries within a jurisdiction, verify the whole log.
 *
 * <p>Each entry's leaf hash is SHA-256(0x00 || {@link LeafEncoding d}) and its tree root the RFC 6962 root
 * of entries 1..seq. Appending locks the single head row, which holds the tree size and compact range: seq
 * comes without gaps and the new root costs O(log n) hashes, whichever instance appends.
 */
@Service
public class AuditLog {

    private static final TypeReference<TreeMap<String, String>> DETAIL = new TypeReference<>() {
    };
    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "seq, recorded_at, username, office_id, office_region, action, object, "
            + "result, client_address, detail::text as detail";

    /** What is signed: the tree size and root after an entry (purposes keep entry and checkpoint apart). */
    static final String ROOT_SIGNATURE = "audit-root";
    static final String CHECKPOINT_SIGNATURE = "audit-checkpoint";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final SecretBox signatures;
    private final JsonMapper json = JsonMapper.shared();

    AuditLog(JdbcClient jdbc, DataSource dataSource, SecretBox signatures) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only when a fetch size is set inside a transaction
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /**
     * Appends one entry, in the caller's transaction if there is one (the entry then stands or falls with
     * the caller's work), otherwise in its own.
     */
    @Transactional
    public AuditEntry record(AuditRecord record) {
        Head head = jdbc.sql("select tree_size, compact_range, clock_timestamp() as now from audit_head for update")
                .query((rs, n) -> new Head(rs.getLong("tree_size"), rs.getBytes("compact_range"),
                        rs.getObject("now", OffsetDateTime.class).toInstant()))
                .single();
        long seq = head.size() + 1;
        // the database clock, read under the lock: times never go backwards along seq, whichever instance appends
        Instant recordedAt = LeafEncoding.storable(head.now());
        byte[] leafHash = LeafEncoding.leafHash(seq, recordedAt, record);
        MerkleTree.Appender tree = MerkleTree.Appender.restore(head.size(), head.compactRange());
        tree.append(leafHash);
        byte[] root = tree.root();
        String rootSignature = signatures.sign(ROOT_SIGNATURE, signed(seq, root));

        jdbc.sql("""
                insert into audit_entry (seq, recorded_at, username, office_id, office_region, action, object,
                    result, client_address, detail, leaf_hash, tree_root, root_signature)
                values (:seq, :recordedAt, :username, :officeId, :officeRegion, :action, :object,
                    :result, :clientAddress, cast(:detail as jsonb), :leafHash, :treeRoot, :rootSignature)""")
                .param("seq", seq)
                .param("recordedAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .param("username", record.username())
                .param("officeId", record.officeId(), java.sql.Types.BIGINT)
                .param("officeRegion", record.officeRegion(), java.sql.Types.CHAR)
                .param("action", record.action())
                .param("object", record.object())
                .param("result", record.result())
                .param("clientAddress", record.clientAddress())
                .param("detail", record.detail() == null ? null : json.writeValueAsString(record.detail()),
                        java.sql.Types.VARCHAR)
                .param("leafHash", leafHash)
                .param("treeRoot", root)
                .param("rootSignature", rootSignature)
                .update();
        jdbc.sql("update audit_head set tree_size = :size, compact_range = :range")
                .param("size", tree.size())
                .param("range", tree.state())
                .update();
        return new AuditEntry(seq, recordedAt, record);
    }

    /**
     * Records an action of the current request's user, from the current request's client address. Outside
     * a request (a scheduled job) the user is {@link AuditRecord#ANONYMOUS} unless a security context is set.
     */
    public AuditEntry recordForCurrentUser(String action, String object, String result, Map<String, String> detail) {
        Actor actor = Actor.current();
        return record(new AuditRecord(actor.username(), actor.officeId(), actor.officeRegion(), action, object,
                result, Actor.currentClientAddress(), detail));
    }

    /**
     * Entries matching {@code query} that {@code jurisdiction} may see, newest first: those of offices in
     * its region; the national jurisdiction also sees entries without an office (public users, anonymous).
     */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, Jurisdiction jurisdiction) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        String prefix = jurisdiction.codePrefix();
        if (!prefix.isEmpty()) {
            where.append(" and office_region like :prefix");
            params.put("prefix", prefix + "%");
        }
        if (query.username() != null) {
            where.append(" and username = :username");
            params.put("username", query.username());
        }
        if (query.action() != null) {
            where.append(" and action = :action");
            params.put("action", query.action());
        }
        if (query.result() != null) {
            where.append(" and starts_with(result, :result)");
            params.put("result", query.result());
        }
        if (query.from() != null) {
            where.append(" and recorded_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and recorded_at < :to");
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> entries = jdbc
                .sql("select " + COLUMNS + " from audit_entry" + where + " order by seq desc limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> entry(rs))
                .list();
        return new PageImpl<>(entries, PageRequest.of(query.page(), query.size()), total);
    }

    /**
     * Recomputes every leaf hash from its entry's fields and every tree root from the leaves, checks that
     * no seq is missing, and that the latest checkpoint and the head are not ahead of the log. Streams the
     * log in one consistent snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        LogVerifier.Checkpoint checkpoint = jdbc
                .sql("select tree_size, root, signature from audit_checkpoint order by tree_size desc limit 1")
                .query((rs, n) -> new LogVerifier.Checkpoint(rs.getLong("tree_size"), rs.getBytes("root"),
                        signatures.verify(CHECKPOINT_SIGNATURE, signed(rs.getLong("tree_size"), rs.getBytes("root")),
                                rs.getString("signature"))))
                .optional().orElse(null);
        long headSize = jdbc.sql("select tree_size from audit_head").query(Long.class).single();
        LogVerifier verifier = new LogVerifier(checkpoint, headSize,
                (seq, root, signature) -> signatures.verify(ROOT_SIGNATURE, signed(seq, root), signature));
        streaming.query("select " + COLUMNS + ", leaf_hash, tree_root, root_signature from audit_entry order by seq",
                rs -> {
                    verifier.accept(entry(rs), rs.getBytes("leaf_hash"), rs.getBytes("tree_root"),
                            rs.getString("root_signature"));
                });
        return verifier.result();
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        String detail = rs.getString("detail");
        return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("username"), rs.getObject("office_id", Long.class), rs.getString("office_region"),
                rs.getString("action"), rs.getString("object"), rs.getString("result"),
                rs.getString("client_address"), detail == null ? null : json.readValue(detail, DETAIL));
    }

    private record Head(long size, byte[] compactRange, Instant now) {
    }

    /** The bytes a root's signature covers: the tree size (8 bytes, big-endian) then the 32-byte root. */
    static byte[] signed(long treeSize, byte[] root) {
        return java.nio.ByteBuffer.allocate(8 + root.length).putLong(treeSize).put(root).array();
    }
}
