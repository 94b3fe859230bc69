package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by the fragment items.
 * Each entry is either bytes in memory or a {@link BulkData} reference; the codec never looks inside
 * them, so they are written back byte for byte.
 */
public final class Fragments {
    private final List<Object> items = new ArrayList<>();

    /** Appends a fragment held in memory (copied). */
    public void add(byte[] bytes) {
        items.add(bytes.clone());
    }

    /** Appends a fragment left on disk. */
    public void add(BulkData bulk) {
        items.add(bulk);
    }

    void addOwned(byte[] bytes) {
        items.add(bytes);
    }

    /** Number of items, the Basic Offset Table included. */
    public int size() {
        return items.size();
    }

    /** Length in bytes of item {@code index}. */
    public long length(int index) {
        Object o = items.get(index);
        return o instanceof byte[] b ? b.length : ((BulkData) o).length();
    }

    /** True when item {@code index} was left on disk. */
    public boolean isBulk(int index) {
        return items.get(index) instanceof BulkData;
    }

    /** The on-disk reference of item {@code index}, or null when it is in memory. */
    public BulkData bulk(int index) {
        return items.get(index) instanceof BulkData b ? b : null;
    }

    /** The bytes of item {@code index}, read from disk if needed (at most {@code maxBytes}). */
    public byte[] bytes(int index, int maxBytes) throws IOException {
        Object o = items.get(index);
        return o instanceof byte[] b ? b.clone() : ((BulkData) o).read(maxBytes);
    }

    /** Entries as stored: {@code byte[]} or {@link BulkData}. */
    List<Object> raw() {
        return Collections.unmodifiableList(items);
    }
}
