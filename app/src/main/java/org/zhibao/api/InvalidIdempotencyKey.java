package org.zhibao.api;

/** Not 1 to 128 visible ASCII characters. */
public class InvalidIdempotencyKey extends IllegalArgumentException {

    public InvalidIdempotencyKey() {
        super("An idempotency key is 1 to 128 visible ASCII characters");
    }
}
