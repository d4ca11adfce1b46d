package org.zhibao.audit;

import java.time.Instant;

/**
 * A search of the audit log; {@code null} or blank criteria are not applied.
 *
 * @param username exactly this account
 * @param action exactly this action
 * @param result results starting with this text ({@code failed} finds {@code failed:500})
 * @param from entries recorded at or after this instant
 * @param to entries recorded before this instant
 * @param page 0-based page number
 * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record AuditQuery(String username, String action, String result, Instant from, Instant to, int page,
        int size) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        username = blankToNull(username);
        action = blankToNull(action);
        result = blankToNull(result);
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 0, DEFAULT_PAGE_SIZE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
