package org.dicomtools.deid.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deidentify run did, for the closing log line, the audit log and tests.
 *
 * @param filesIn regular files found in the input (all shards)
 * @param written files written to the dataset by this run
 * @param upToDate files skipped because the index says their output is current
 * @param otherShard files left to other shards
 * @param failed files that could not be read or written (including non-DICOM and duplicates)
 * @param problems one entry per failed file, in input order
 * @param bytesIn bytes of the input files this run read to write outputs
 * @param nanos wall-clock time of the run
 * @param actions actions applied, by code, over every written file
 * @param defenceHits kept values cleaned by defence in depth
 * @param review images flagged for review (risky and not masked)
 * @param removed files an earlier run wrote that the input no longer produces, deleted from the dataset
 */
public record RunSummary(int filesIn, int written, int upToDate, int otherShard, int failed, List<Problem> problems,
        long bytesIn, long nanos, Map<String, Integer> actions, int defenceHits, int review, int removed) {

    /** A file that was not written, and why (never a patient value). */
    public record Problem(String file, String kind, String message) {
    }

    public RunSummary {
        problems = List.copyOf(problems);
        actions = Map.copyOf(actions);
    }

    /** Throughput over the bytes read, in MB/s (10^6 bytes). */
    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : bytesIn / 1e6 / (nanos / 1e9);
    }

    /** Files per second over the files written. */
    public double filesPerSecond() {
        return nanos == 0 ? 0 : written / (nanos / 1e9);
    }

    /** The closing line: files in, written, skipped, failed (by kind), time, MB/s. */
    public String line() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Problem p : problems) {
            kinds.merge(p.kind(), 1, Integer::sum);
        }
        StringBuilder why = new StringBuilder();
        kinds.forEach((k, n) -> why.append(why.length() == 0 ? " (" : ", ").append(n).append(' ').append(k));
        if (why.length() > 0) {
            why.append(')');
        }
        return String.format(Locale.ROOT,
                "%d files in, %d written, %d up to date, %d in other shards, %d not written%s, %d flagged for review"
                        + " in %.1f s (%.1f files/s, %.1f MB/s)",
                filesIn, written, upToDate, otherShard, failed, why, review, nanos / 1e9, filesPerSecond(),
                megabytesPerSecond());
    }
}
