package org.dicomtools.deid.profile;

/**
 * An immutable map from {@code int} keys to values, with open addressing and linear probing, so
 * that a lookup neither boxes the key nor allocates. Built once per profile; lookups are O(1).
 */
final class IntMap<V> {
    private final int[] keys;
    private final Object[] values;
    private final int mask;

    /** Builds the map from parallel arrays of distinct keys and non-null values. */
    IntMap(int[] keys, Object[] values) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2) - 1) << 1;
        this.keys = new int[capacity];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = slot(keys[i]);
            while (this.values[slot] != null) {
                if (this.keys[slot] == keys[i]) {
                    throw new IllegalArgumentException("duplicate key " + Integer.toHexString(keys[i]));
                }
                slot = (slot + 1) & mask;
            }
            this.keys[slot] = keys[i];
            this.values[slot] = values[i];
        }
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(int key) {
        int slot = slot(key);
        Object v;
        while ((v = values[slot]) != null) {
            if (keys[slot] == key) {
                return (V) v;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }
}
