package org.zhibao.screening.patent;

import java.util.Arrays;

/** Open-addressing int → int map for counting shingle hashes without boxing (tens of millions of keys). */
final class IntCounter {

    private static final int EMPTY = 0;
    private int[] keys;
    private int[] values;
    private boolean hasZero;
    private int zeroValue;
    private int size;
    private int mask;

    IntCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / 0.6))) << 1;
        keys = new int[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    void increment(int key) {
        add(key, 1);
    }

    void add(int key, int by) {
        if (key == EMPTY) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            zeroValue += by;
            return;
        }
        int i = spread(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                values[i] += by;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = by;
                if (++size > keys.length * 0.6) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int get(int key) {
        if (key == EMPTY) {
            return hasZero ? zeroValue : 0;
        }
        int i = spread(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /** Replaces every value by the result of the function (used to turn counts into dense ids). */
    void replaceValues(java.util.function.IntBinaryOperator keyAndValueToNew) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                values[i] = keyAndValueToNew.applyAsInt(keys[i], values[i]);
            }
        }
        if (hasZero) {
            zeroValue = keyAndValueToNew.applyAsInt(0, zeroValue);
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            int k = oldKeys[j];
            if (k != EMPTY) {
                int i = spread(k) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldKeys, 0);
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
