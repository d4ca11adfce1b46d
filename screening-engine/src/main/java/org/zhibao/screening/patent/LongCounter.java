package org.zhibao.screening.patent;

/** Open-addressing long → int map (character n-gram counts of the language model), no boxing. */
final class LongCounter {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / 0.5))) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    // keys are stored +1 so that 0 marks an empty slot
    void increment(long key) {
        long k = key + 1;
        int i = spread(k) & mask;
        while (true) {
            if (keys[i] == k) {
                values[i]++;
                return;
            }
            if (keys[i] == 0) {
                keys[i] = k;
                values[i] = 1;
                if (++size > keys.length / 2) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The value of the key when present; else stores {@code value} (positive) for it and answers 0. The key -1 is
     * taken as -2 (the table marks empty slots by 0 = key + 1).
     */
    int putIfAbsent(long key, int value) {
        long k = key == -1 ? -1 : key + 1;
        int i = spread(k) & mask;
        while (true) {
            if (keys[i] == k) {
                return values[i];
            }
            if (keys[i] == 0) {
                keys[i] = k;
                values[i] = value;
                if (++size > keys.length / 2) {
                    grow();
                }
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    int get(long key) {
        long k = key + 1;
        int i = spread(k) & mask;
        while (true) {
            long s = keys[i];
            if (s == k) {
                return values[i];
            }
            if (s == 0) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    interface Entry {
        void accept(long key, int count);
    }

    void forEach(Entry e) {
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != 0) {
                e.accept(keys[j] - 1, values[j]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = spread(k) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    private static int spread(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return (int) (k ^ (k >>> 32));
    }
}
