package org.dicomtools.deid.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.profile.Profile;

/**
 * The dry run: for one file, every attribute at every depth with the action that would apply and
 * the profile rule that chose it ({@code source:line} and the declared code), and never a value.
 * Nothing is written. With a directory, the first file in name order is listed.
 */
public final class DryRun {
    private DryRun() {
    }

    /** The listing; the first line names the file relative to the input. */
    public static List<String> listing(Path input, Profile profile) throws IOException {
        Path file = input;
        String name = input.getFileName().toString();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.walk(input)) {
                Optional<Path> first = s.filter(Files::isRegularFile).sorted().findFirst();
                if (first.isEmpty()) {
                    return List.of("Dry run: no file in " + input);
                }
                file = first.get();
                name = input.relativize(file).toString().replace('\\', '/');
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Dry run of " + name + " with profile " + profile.name() + " (nothing is written):");
        try (DicomFile f = new DicomReader().read(file)) {
            FileRecord record = new FileRecord(true);
            // The listing shows decisions only, so a throw-away key is enough.
            new Deidentifier(profile, Pseudonymizer.ephemeral()).apply(f.dataset(), null, null, record);
            for (String line : record.dryRunLines()) {
                out.add("  " + line);
            }
        }
        return out;
    }
}
