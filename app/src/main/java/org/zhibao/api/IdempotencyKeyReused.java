package org.zhibao.api;

/** The key was used before for a different request: the client must not take the stored answer for this one. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency key used before for a different request: " + key);
    }
}
