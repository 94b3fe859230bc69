package org.dicomtools.deid.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dicomtools.deid.dicom.DicomFile;
import org.dicomtools.deid.dicom.DicomFormatException;
import org.dicomtools.deid.dicom.DicomReader;
import org.dicomtools.deid.dicom.dict.UidDictionary;

/**
 * Prints DICOM files as element trees and, when asked, writes each as DICOM JSON: the work of the
 * {@code deid:dump} goal, without Maven.
 *
 * <p>A directory input is walked recursively, entries sorted by name at each level; every regular file
 * is read, whatever its name. Symbolic links to directories are not followed (they are read as files
 * and fail). For each file the listener receives a heading, {@code --- a/b.dcm (Explicit VR Little
 * Endian) ---}, then the lines of {@link TreePrinter}; with {@code privateOnly} a file without private
 * elements shows {@code (no private elements)}. A file that is not DICOM or cannot be parsed is
 * recorded as a {@link DumpFailure} (with the byte offset and tag path of a
 * {@link DicomFormatException}) and the walk goes on.
 *
 * <p>With an output directory, the DICOM JSON of {@code <input>/a/b.dcm} goes to
 * {@code <output>/a/b.dcm.json} (for a single input file, {@code <output>/<its name>.json}),
 * directories created as needed, each file replaced atomically where the file system allows. The
 * values {@link DicomJsonWriter} left out are listed in {@code <output>/omitted-values.tsv}, written
 * on every run: a header line, then one line per value, {@code file}, {@code tag path}, {@code vr} and
 * {@code length} separated by tabs. That name cannot clash with an output file, which always ends in
 * {@code .json}. The output directory must not lie inside an input directory, so that a later run
 * never reads the output as input.
 */
public final class Dumper {
    /** The file in the output directory that lists the values left out of the DICOM JSON files. */
    public static final String OMITTED_VALUES_FILE = "omitted-values.tsv";

    private final DumpOptions options;
    private final TreePrinter printer;
    private final DicomJsonWriter jsonWriter;

    public Dumper(DumpOptions options) {
        this.options = options;
        this.printer = new TreePrinter(options.maxValueLength(), options.privateOnly());
        this.jsonWriter = new DicomJsonWriter(options.inlineBinaryLimit());
    }

    /**
     * Dumps every input file.
     *
     * @return the counts and the files that failed
     * @throws NoSuchFileException if the input does not exist
     * @throws IllegalArgumentException if the output directory lies inside the input directory
     * @throws IOException if an output file cannot be written (a problem of the setup, not of an input)
     */
    public DumpResult run(DumpListener listener) throws IOException {
        Path input = options.input();
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "the input does not exist");
        }
        boolean directory = Files.isDirectory(input);
        Path output = options.output();
        if (output != null && directory) {
            checkOutsideInput(input, output);
        }
        List<DumpFailure> failures = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (directory) {
            walk(input, input, files, failures);
        } else {
            files.add(input);
        }
        List<String> omitted = new ArrayList<>();
        int dumped = 0;
        for (Path file : files) {
            Path relative = directory ? input.relativize(file) : file.getFileName();
            String name = displayName(relative);
            byte[] json;
            try (DicomFile dicom = new DicomReader().read(file)) {
                listener.line("--- " + name + " (" + describe(dicom) + ") ---");
                for (String warning : dicom.warnings()) {
                    listener.warning(name + ": " + ControlEscaper.escape(warning));
                }
                print(dicom, listener);
                json = output == null ? null : json(dicom, name, omitted);
            } catch (DicomFormatException e) {
                failures.add(new DumpFailure(name, e.offset(), e.tagPath(), ControlEscaper.escape(e.reason())));
                continue;
            } catch (IOException e) {
                failures.add(new DumpFailure(name, -1, "", ControlEscaper.escape(e.toString())));
                continue;
            }
            dumped++;
            if (json != null) {
                writeAtomically(output.resolve(relative.toString() + ".json"), json);
            }
        }
        if (output != null) {
            writeOmitted(output.resolve(OMITTED_VALUES_FILE), omitted);
        }
        return new DumpResult(dumped, failures, omitted.size());
    }

    private void print(DicomFile dicom, DumpListener listener) throws IOException {
        int[] lines = new int[1];
        printer.print(dicom, line -> {
            lines[0]++;
            listener.line(line);
        });
        if (lines[0] == 0 && options.privateOnly()) {
            listener.line("(no private elements)");
        }
    }

    /** The DICOM JSON of a file, in memory so that an input error never leaves a partial output. */
    private byte[] json(DicomFile dicom, String name, List<String> omitted) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (OmittedValue v : jsonWriter.write(dicom, buffer)) {
            omitted.add(name + "\t" + v.tagPath() + "\t" + v.vr() + "\t" + v.length());
        }
        return buffer.toByteArray();
    }

    private static String describe(DicomFile dicom) {
        String uid = dicom.transferSyntax().uid();
        String name = UidDictionary.standard().nameOf(uid);
        String ts = name == null || name.isEmpty() ? ControlEscaper.escape(uid) : name;
        return dicom.isPart10() ? ts : ts + ", no File Meta Information";
    }

    /** The relative path with {@code /} separators and control characters escaped. */
    private static String displayName(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return ControlEscaper.escape(sb.toString());
    }

    private static void checkOutsideInput(Path input, Path output) throws IOException {
        Path in = input.toRealPath();
        Path out = output.toAbsolutePath().normalize();
        Path existing = out;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        // Resolve symbolic links in the part of the output path that exists already.
        Path realOut = existing == null ? out : existing.toRealPath().resolve(existing.relativize(out));
        if (realOut.startsWith(in) || out.startsWith(input.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the output directory " + output + " is inside the input directory "
                    + input + "; choose an output directory outside the input tree");
        }
    }

    /** Collects the regular files below {@code dir}, sorted by name at each level. */
    private static void walk(Path root, Path dir, List<Path> files, List<DumpFailure> failures) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            String name = displayName(root.relativize(dir)) + "/";
            failures.add(new DumpFailure(name, -1, "", ControlEscaper.escape(e.toString())));
            return;
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path p : entries) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                walk(root, p, files, failures);
            } else {
                files.add(p);
            }
        }
    }

    private static void writeOmitted(Path file, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder("file\ttag path\tvr\tlength\n");
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes to a temporary file beside the target and renames it, so no reader sees half a file. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
