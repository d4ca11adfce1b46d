package org.zhibao.database;

/**
 * Which rows the database lets the current work see, as the second wall behind each module's own scoping:
 * row-level security policies compare a row's region code with {@link #regionPrefix} and its id with
 * {@link #accountId}.
 *
 * @param regionPrefix {@code "*"} for the system itself (jobs, login, registration), {@code "national"} for
 *        the national office, a GB/T 2260 prefix such as {@code "33"} for an office's jurisdiction, {@code "-"}
 *        for none (public users and platforms see only their own rows)
 * @param accountId the acting account, whose own rows stay visible; {@code null} for the system
 */
public record RowScope(String regionPrefix, Long accountId) {

    public static final RowScope SYSTEM = new RowScope("*", null);

    /** An office's jurisdiction by its code prefix; the empty prefix (the whole country) is "national". */
    public static RowScope jurisdiction(String codePrefix, long accountId) {
        return new RowScope(codePrefix.isEmpty() ? "national" : codePrefix, accountId);
    }

    public static RowScope ownRowsOnly(long accountId) {
        return new RowScope("-", accountId);
    }

    /** Tells the database module who is acting; identity provides it from the security context. */
    public interface Source {
        RowScope current();
    }
}
