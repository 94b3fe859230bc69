package org.dicomtools.deid.dicom;

/**
 * Limits that protect the reader from hostile or broken input.
 *
 * @param bulkThreshold values longer than this many bytes stay on disk as {@link BulkData}
 * @param maxInflatedBytes ceiling on the inflated size of a deflated dataset (zip-bomb guard)
 * @param maxDepth deepest sequence nesting accepted; deeper input fails with a
 *     {@link DicomFormatException} instead of exhausting memory or stack in later processing
 * @param maxElements ceiling on elements, items and fragments in one file
 */
public record ReadOptions(int bulkThreshold, long maxInflatedBytes, int maxDepth, int maxElements) {

    /** 64 KiB bulk threshold, 1 GiB inflated, 128 levels, 4 million elements. */
    public static final ReadOptions DEFAULT = new ReadOptions(64 * 1024, 1L << 30, 128, 4_000_000);

    public ReadOptions {
        if (bulkThreshold < 0 || maxInflatedBytes < 0 || maxDepth < 1 || maxElements < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another bulk threshold. */
    public ReadOptions withBulkThreshold(int threshold) {
        return new ReadOptions(threshold, maxInflatedBytes, maxDepth, maxElements);
    }
}
