package org.dicomtools.deid.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Every original PHI token of a run, held compactly for defence in depth: 64-bit FNV-1a hashes of
 * the normalised tokens in a sorted array (8 bytes per token, so millions of patients fit). A hash
 * collision can only make deidentify clean a harmless word, never keep a PHI token.
 */
final class KnownTokens implements Predicate<String> {
    private final long[] hashes;

    KnownTokens(Collection<String> tokens) {
        long[] h = new long[tokens.size()];
        int i = 0;
        for (String t : tokens) {
            h[i++] = hash(t);
        }
        Arrays.sort(h);
        this.hashes = h;
    }

    static long hash(String token) {
        long h = 0xcbf29ce484222325L;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public boolean test(String token) {
        return Arrays.binarySearch(hashes, hash(token)) >= 0;
    }

    int size() {
        return hashes.length;
    }
}
