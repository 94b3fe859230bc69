package org.dicomtools.deid.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomFormatException;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.profile.Profile;

/**
 * The dry run: for one file, every attribute at every depth with the action that would apply and
 * the profile rule that chose it ({@code source:line} and the declared code), and never a value.
 * Nothing is written. With a directory, the first DICOM file in name order is listed (files that
 * are not DICOM, such as notes next to the images, are passed over as the run reports them).
 */
public final class DryRun {
    private DryRun() {
    }

    /** The listing; the first line names the file relative to the input. */
    public static List<String> listing(Path input, Profile profile) throws IOException {
        if (!Files.isDirectory(input)) {
            try (DicomFile f = new DicomReader().read(input)) {
                return listing(f, input.getFileName().toString(), profile);
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            DicomFile f;
            try {
                f = new DicomReader().read(file);
            } catch (DicomFormatException e) {
                if (e.reason().startsWith("not a DICOM file")) {
                    continue;
                }
                throw e;
            }
            try (f) {
                return listing(f, input.relativize(file).toString().replace('\\', '/'), profile);
            }
        }
        return List.of("Dry run: no DICOM file in " + input);
    }

    private static List<String> listing(DicomFile f, String name, Profile profile) {
        List<String> out = new ArrayList<>();
        out.add("Dry run of " + name + " with profile " + profile.name() + " (nothing is written):");
        FileRecord record = new FileRecord(true);
        // The listing shows decisions only, so a throw-away key is enough.
        new Deidentifier(profile, Pseudonymizer.ephemeral()).apply(f.dataset(), null, null, record);
        for (String line : record.dryRunLines()) {
            out.add("  " + line);
        }
        return out;
    }
}
