package org.zhibao.database;

import java.util.function.Supplier;

/**
 * Work the system does on a user's behalf that must see past the user's row scope, such as finding the case a
 * respondent is joining by its number and access code before they are a party to it. Connections taken inside
 * {@link #call} act as the system; a transaction must start inside it, since a connection keeps the scope it
 * was handed out with. Use sparingly, and check the user's right in the work itself.
 */
public final class SystemScope {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private SystemScope() {
    }

    public static <T> T call(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        }
        finally {
            if (!outer) {
                ACTIVE.remove();
            }
        }
    }

    static boolean active() {
        return ACTIVE.get();
    }
}
