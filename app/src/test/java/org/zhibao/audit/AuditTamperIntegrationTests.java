package org.zhibao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Role;

/**
 * Someone with the database owner's rights rewrites the log behind the application's back. Each test undoes
 * its tampering; the class has its own application context and database so that a failure cannot leave a
 * broken log to the other tests.
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.audit.test-database=tampered")
class AuditTamperIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource ownerDataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    long last;

    @BeforeEach
    void recordSomeEntries() {
        for (int i = 0; i < 7; i++) {
            last = auditLog.record(new AuditRecord("sun", 4L, "320000", "case.close", "/cases/" + i, "ok",
                    "10.0.0." + i, Map.of("i", String.valueOf(i)))).seq();
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    /** Runs statements as the owner (no {@code set role}), with the append-only trigger switched off. */
    void asOwnerWithoutTrigger(Connection owner, String... statements) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            finally {
                statement.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }

    @Test
    void theTriggerRefusesEvenTheOwnerToRewriteTheLog() throws SQLException {
        try (Connection owner = ownerDataSource.getConnection(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute("update audit_entry set object = 'x' where seq = " + last))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("delete from audit_entry where seq = " + last))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("truncate audit_entry"))
                    .hasMessageContaining("append-only");
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void oneChangedByteInAnEntryIsFoundAtThatEntry() throws Exception {
        long victim = last - 3;
        try (Connection owner = ownerDataSource.getConnection()) {
            asOwnerWithoutTrigger(owner, "update audit_entry set object = overlay(object placing 'C' from 2 for 1)"
                    + " where seq = " + victim);

            AuditVerification verification = auditLog.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadEntry()).isEqualTo(victim);
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_ALTERED);
            assertThat(verification.entries()).isEqualTo(last);
            mvc.perform(post("/audit/verify").param("lang", "en").with(csrf())
                    .with(TestUsers.official("000000", Role.AUDIT_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("verification-invalid")))
                    .andExpect(content().string(containsString("problem found at entry " + victim)))
                    .andExpect(content().string(containsString("no longer matches its hash")));
            mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf())
                    .with(TestUsers.official("000000", Role.AUDIT_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("verification-invalid")))
                    .andExpect(content().string(not(containsString("<table"))));

            asOwnerWithoutTrigger(owner, "update audit_entry set object = overlay(object placing 'c' from 2 for 1)"
                    + " where seq = " + victim);
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void anEntryRewrittenWithARecomputedLeafHashIsFoundByItsRoot() throws SQLException {
        long victim = last - 2;
        AuditEntry original = jdbc.sql("select seq from audit_entry where seq = :seq").param("seq", victim)
                .query(Long.class).optional().map(seq -> auditLog.search(AuditQuery.all(), org.zhibao.region.Jurisdiction.national())
                        .getContent().stream().filter(e -> e.seq() == seq).findFirst().orElseThrow()).orElseThrow();
        AuditRecord forged = new AuditRecord(original.username(), original.officeId(), original.officeRegion(),
                original.action(), original.object(), "failed:500", original.clientAddress(), original.detail());
        byte[] forgedLeaf = LeafEncoding.leafHash(victim, original.recordedAt(), forged);
        try (Connection owner = ownerDataSource.getConnection()) {
            asOwnerWithoutTrigger(owner, "update audit_entry set result = 'failed:500', leaf_hash = '\\x"
                    + MerkleTree.hex(forgedLeaf) + "' where seq = " + victim);

            AuditVerification verification = auditLog.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadEntry()).isEqualTo(victim);
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_ROOT);

            byte[] originalLeaf = LeafEncoding.leafHash(victim, original.recordedAt(), original.record());
            asOwnerWithoutTrigger(owner, "update audit_entry set result = 'ok', leaf_hash = '\\x"
                    + MerkleTree.hex(originalLeaf) + "' where seq = " + victim);
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void anEntryRewrittenWithAllItsHashesRecomputedIsFoundByItsSignature() throws SQLException {
        long victim = last;
        AuditEntry original = auditLog.search(AuditQuery.all(), org.zhibao.region.Jurisdiction.national())
                .getContent().stream().filter(e -> e.seq() == victim).findFirst().orElseThrow();
        AuditRecord forged = new AuditRecord(original.username(), original.officeId(), original.officeRegion(),
                original.action(), original.object(), "failed:500", original.clientAddress(), original.detail());
        // what someone who can write to the database but lacks the installation's key can do: recompute
        // the leaf and the root, so that every hash in the log agrees with the forged entry
        MerkleTree.Appender tree = MerkleTree.Appender.empty();
        jdbc.sql("select leaf_hash from audit_entry where seq < :seq order by seq").param("seq", victim)
                .query(byte[].class).list().forEach(tree::append);
        tree.append(LeafEncoding.leafHash(victim, original.recordedAt(), forged));
        String savedLeaf = MerkleTree.hex(jdbc.sql("select leaf_hash from audit_entry where seq = :seq")
                .param("seq", victim).query(byte[].class).single());
        String savedRoot = MerkleTree.hex(jdbc.sql("select tree_root from audit_entry where seq = :seq")
                .param("seq", victim).query(byte[].class).single());
        try (Connection owner = ownerDataSource.getConnection()) {
            asOwnerWithoutTrigger(owner, "update audit_entry set result = 'failed:500', leaf_hash = '\\x"
                    + MerkleTree.hex(LeafEncoding.leafHash(victim, original.recordedAt(), forged)) + "', tree_root = '\\x"
                    + MerkleTree.hex(tree.root()) + "' where seq = " + victim);

            AuditVerification verification = auditLog.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadEntry()).isEqualTo(victim);
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_SIGNATURE);

            asOwnerWithoutTrigger(owner, "update audit_entry set result = '" + original.result() + "', leaf_hash = '\\x"
                    + savedLeaf + "', tree_root = '\\x" + savedRoot + "' where seq = " + victim);
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void aForgedCheckpointIsReportedAndDoesNotStopCheckpointing() throws Exception {
        // what the application's own role may do (it may insert checkpoints): plant one far ahead
        long far = 9_000_000_000_000_000_000L;
        jdbc.sql("insert into audit_checkpoint (tree_size, root, signature) values (:size, :root, 'forged')")
                .param("size", far).param("root", new byte[32]).update();
        try {
            AuditVerification verification = auditLog.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_SIGNATURE);
            assertThat(verification.firstBadEntry()).isEqualTo(far);

            auditLog.record(new AuditRecord("after-forgery", null, null, "probe", "/x", "ok", "127.0.0.1", null));
            assertThat(checkpoints.checkpoint()).as("the job still checkpoints new entries").isTrue();
        }
        finally {
            try (Connection owner = ownerDataSource.getConnection(); Statement statement = owner.createStatement()) {
                statement.execute("alter table audit_checkpoint disable trigger audit_checkpoint_append_only");
                statement.execute("delete from audit_checkpoint where tree_size = " + far);
                statement.execute("alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
            }
        }
    }

    @Test
    void aDeletedEntryInTheMiddleIsFoundAtItsSeq() throws Exception {
        long victim = last - 4;
        try (Connection owner = ownerDataSource.getConnection()) {
            asOwnerWithoutTrigger(owner,
                    "create temp table saved_entry as select * from audit_entry where seq = " + victim,
                    "delete from audit_entry where seq = " + victim);

            AuditVerification verification = auditLog.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadEntry()).isEqualTo(victim);
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_MISSING);
            assertThat(verification.entries()).isEqualTo(last - 1);
            mvc.perform(get("/api/v1/audit/verify").with(TestUsers.official("000000", Role.AUDIT_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBadEntry").value(victim))
                    .andExpect(jsonPath("$.entries").value(last - 1));

            asOwnerWithoutTrigger(owner, "insert into audit_entry select * from saved_entry",
                    "drop table saved_entry");
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void aDeletedLastEntryIsFoundByTheCheckpointEvenWhenTheHeadIsRewound() throws SQLException {
        assertThat(checkpoints.checkpoint()).isTrue();
        assertThat(checkpoints.checkpoint()).as("nothing new to checkpoint").isFalse();
        // what the head would hold had the last entry never been written
        MerkleTree.Appender rewound = MerkleTree.Appender.empty();
        List<byte[]> leaves = new ArrayList<>(jdbc.sql("select leaf_hash from audit_entry where seq < :last order by seq")
                .param("last", last).query(byte[].class).list());
        leaves.forEach(rewound::append);
        byte[] head = jdbc.sql("select compact_range from audit_head").query(byte[].class).single();

        try (Connection owner = ownerDataSource.getConnection()) {
            asOwnerWithoutTrigger(owner,
                    "create temp table saved_entry as select * from audit_entry where seq = " + last,
                    "delete from audit_entry where seq = " + last,
                    "update audit_head set tree_size = " + (last - 1) + ", compact_range = '\\x"
                            + MerkleTree.hex(rewound.state()) + "'");

            AuditVerification verification = auditLog.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadEntry()).isEqualTo(last);
            assertThat(verification.problem()).isEqualTo(AuditVerification.PROBLEM_TRUNCATED);
            assertThat(verification.entries()).isEqualTo(last - 1);
            assertThat(verification.root()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves)));

            asOwnerWithoutTrigger(owner, "insert into audit_entry select * from saved_entry",
                    "drop table saved_entry",
                    "update audit_head set tree_size = " + last + ", compact_range = '\\x" + MerkleTree.hex(head) + "'");
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }
}
