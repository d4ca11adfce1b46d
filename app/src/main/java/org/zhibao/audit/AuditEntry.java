package org.zhibao.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An entry of the audit log as stored: an {@link AuditRecord} with its place in the log and the time it
 * was appended (UTC, microsecond precision).
 */
public record AuditEntry(long seq, Instant recordedAt, String username, Long officeId, String officeRegion,
        String action, String object, String result, String clientAddress, Map<String, String> detail) {

    AuditEntry(long seq, Instant recordedAt, AuditRecord record) {
        this(seq, recordedAt, record.username(), record.officeId(), record.officeRegion(), record.action(),
                record.object(), record.result(), record.clientAddress(), record.detail());
    }

    AuditRecord record() {
        return new AuditRecord(username, officeId, officeRegion, action, object, result, clientAddress, detail);
    }
}
