package org.dicomtools.deid.engine;

import java.nio.file.Path;
import java.util.Objects;

import org.dicomtools.deid.dicom.ReadOptions;
import org.dicomtools.deid.profile.Profile;

/**
 * Everything one deidentify run needs, as plain values (the Mojo builds it from its parameters).
 *
 * @param input raw DICOM: a file or a directory walked recursively (read only, never modified)
 * @param dataset the de-identified dataset to write
 * @param workDir where the index, mappings, ledger and audit log go (never inside the dataset)
 * @param profile the profile with options and overrides applied
 * @param keys the keyed pseudonymizer (secret or anonymize mode); its new UIDs go under the
 *     profile's {@code uid-root} when the profile sets one
 * @param threads worker threads (1 or more)
 * @param force process every file even when the index says it is up to date
 * @param shard the part of the input this run writes
 * @param readOptions reader limits
 * @param images what to do with pixel data that may hold burned-in text
 */
public record DeidRequest(Path input, Path dataset, Path workDir, Profile profile, Pseudonymizer keys, int threads,
        boolean force, Shard shard, ReadOptions readOptions, ImagePolicy images) {

    public DeidRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(readOptions, "readOptions");
        Objects.requireNonNull(images, "images");
        keys = keys.withUidRoot(profile.settings().get("uid-root"));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
