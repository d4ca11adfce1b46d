package org.zhibao.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the log's size and root to {@code audit_checkpoint} every few minutes when the log has grown, on
 * one instance only. A log later found shorter than a checkpoint has lost its tail.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;

    AuditCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${zhibao.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${zhibao.audit.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit-checkpoint", lockAtLeastFor = "PT30S")
    public void scheduledCheckpoint() {
        checkpoint();
    }

    /** Checkpoints the latest entry unless it already is; returns whether a checkpoint was written. */
    public boolean checkpoint() {
        // one statement: the latest entry and the latest checkpoint are read and compared atomically
        int written = jdbc.sql("""
                insert into audit_checkpoint (tree_size, root, created_at)
                select seq, tree_root, now() from audit_entry
                where seq = (select max(seq) from audit_entry)
                  and seq > coalesce((select max(tree_size) from audit_checkpoint), 0)""")
                .update();
        if (written > 0) {
            log.debug("Audit log checkpointed");
        }
        return written > 0;
    }
}
