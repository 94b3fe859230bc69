package org.dicomtools.deid.verify;

import java.util.List;

/**
 * One verify rule: a stable id, a severity and help text ({@link #info()}), and the check itself,
 * which looks at one file, at every file's name, or at the whole dataset once all files are read.
 * Checks are stateless and thread-safe: files are checked in parallel.
 */
public interface Check {
    RuleInfo info();

    /** Checks one parsed DICOM file. */
    default void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
    }

    /** Checks the relative path of any file in the dataset, DICOM or not. */
    default void checkPath(String path, VerifyContext ctx, FindingSink out) {
    }

    /** Checks the dataset as a whole, from every file's facts, after all files were checked. */
    default void checkDataset(List<FileFacts> files, VerifyContext ctx, FindingSink out) {
    }
}
