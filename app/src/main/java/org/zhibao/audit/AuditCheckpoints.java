package org.zhibao.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhibao.database.SecretBox;

/**
 * Writes the log's size and root to {@code audit_checkpoint} every few minutes when the log has grown, on
 * one instance only. A log later found shorter than a checkpoint has lost its tail.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final SecretBox signatures;

    AuditCheckpoints(JdbcClient jdbc, SecretBox signatures) {
        this.jdbc = jdbc;
        this.signatures = signatures;
    }

    @Scheduled(fixedDelayString = "${zhibao.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${zhibao.audit.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit-checkpoint", lockAtLeastFor = "PT30S")
    public void scheduledCheckpoint() {
        checkpoint();
    }

    /** Checkpoints the latest entry unless it already is; returns whether a checkpoint was written. */
    public boolean checkpoint() {
        record Latest(long seq, byte[] root) {
        }
        Latest latest = jdbc.sql("""
                select seq, tree_root from audit_entry
                where seq = (select max(seq) from audit_entry)
                  and not exists (select 1 from audit_checkpoint c where c.tree_size = seq)""")
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getBytes(2))).optional().orElse(null);
        if (latest == null) {
            return false;
        }
        // (compared by equality, not with the largest size: a forged checkpoint far ahead must not stop this job)
        // signed with the installation's key; a concurrent checkpoint of the same size wins, ours is dropped
        int written = jdbc.sql("""
                insert into audit_checkpoint (tree_size, root, signature, created_at) values (:size, :root, :signature, now())
                on conflict (tree_size) do nothing""")
                .param("size", latest.seq())
                .param("root", latest.root())
                .param("signature", signatures.sign(AuditLog.CHECKPOINT_SIGNATURE, AuditLog.signed(latest.seq(), latest.root())))
                .update();
        if (written > 0) {
            log.debug("Audit log checkpointed");
        }
        return written > 0;
    }
}
