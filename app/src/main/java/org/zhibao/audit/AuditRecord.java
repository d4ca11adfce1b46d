package org.zhibao.audit;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.zhibao.region.RegionCode;

/**
 * One thing to write into the audit log: who, from which office, did what to which object, with what
 * outcome, from where. Text is normalised here (no NUL, no lone surrogates) so that what is hashed is
 * exactly what PostgreSQL stores and gives back.
 *
 * @param username the acting account, {@link #ANONYMOUS} when nobody is logged in
 * @param officeId the actor's office, {@code null} for public users, platforms and anonymous requests
 * @param officeRegion the region code of that office, which decides which audit administrators see the entry
 * @param action what was done, e.g. {@code login} or {@code office.create}
 * @param object what it was done to, e.g. a request path; empty when nothing in particular
 * @param result {@code success}, {@code ok}, {@code refused}, {@code failed:403} …
 * @param clientAddress the client's IP address, empty when the action did not come from a request
 * @param detail further facts as text, kept in key order; {@code null} when there are none
 */
public record AuditRecord(String username, Long officeId, String officeRegion, String action, String object,
        String result, String clientAddress, Map<String, String> detail) {

    /** The username of entries made for a request without a logged-in account. */
    public static final String ANONYMOUS = "-";

    public AuditRecord {
        username = username == null || username.isBlank() ? ANONYMOUS : clean(username);
        if (officeRegion != null) {
            officeRegion = RegionCode.of(officeRegion).value();
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry names its action");
        }
        if (result == null || result.isBlank()) {
            throw new IllegalArgumentException("An audit entry names its result");
        }
        action = clean(action);
        result = clean(result);
        object = object == null ? "" : clean(object);
        clientAddress = clientAddress == null ? "" : clean(clientAddress);
        detail = cleanDetail(detail);
    }

    private static Map<String, String> cleanDetail(Map<String, String> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        detail.forEach((key, value) -> sorted.put(clean(key), value == null ? "" : clean(value)));
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** What PostgreSQL can store and UTF-8 can carry: NUL becomes U+FFFD, lone surrogates become '?'. */
    static String clean(String text) {
        String noNul = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        return new String(noNul.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
