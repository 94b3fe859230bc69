package org.dicomtools.deid.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One part of a run split across machines ({@code deid.shard=i/n}, 1 &lt;= i &lt;= n): a file belongs
 * to the shard chosen by a hash of its relative path, so shards need no coordination.
 *
 * @param index this shard, 1-based
 * @param count number of shards
 */
public record Shard(int index, int count) {
    /** The whole input. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}; blank means {@link #ALL}. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String[] p = text.trim().split("/");
        try {
            if (p.length == 2) {
                return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be i/n, such as 2/8, not '" + text + "'", e);
        }
        throw new IllegalArgumentException("shard must be i/n, such as 2/8, not '" + text + "'");
    }

    /** True when the file with this relative path belongs to this shard. */
    public boolean contains(String relativePath) {
        if (count == 1) {
            return true;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
            long v = ((long) (h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
            return v % count == index - 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
