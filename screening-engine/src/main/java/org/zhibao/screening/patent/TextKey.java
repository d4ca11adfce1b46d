package org.zhibao.screening.patent;

/** 64-bit keys of strings for sets of millions: Java's hash and FNV-1a's side by side, so both must collide. */
final class TextKey {

    private TextKey() {
    }

    static long of(String text) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            fnv = (fnv ^ text.charAt(i)) * 0x01000193;
        }
        return ((long) text.hashCode() << 32) | (fnv & 0xffffffffL);
    }
}
