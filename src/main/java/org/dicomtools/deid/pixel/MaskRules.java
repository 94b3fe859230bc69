package org.dicomtools.deid.pixel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dicomtools.deid.dicom.Dataset;

/**
 * Lists of {@link MaskRule}s: reading a mask library, and choosing the rules that apply to an image.
 *
 * <p>A mask library is UTF-8 text, one rule per line in the syntax of {@link MaskRule} preceded by the
 * keyword {@code mask}; blank lines and lines starting with {@code #} are ignored. The shipped
 * library {@code masks/common.masks} lives in the plugin jar beside the built-in profiles.
 */
public final class MaskRules {

    /** Class-path folder of the shipped profiles (the build copies {@code profiles/} there). */
    static final String BUILTIN_ROOT = "/org/dicomtools/deid/profile/builtin/";

    private MaskRules() {
    }

    /** The rules whose conditions all hold for {@code ds}, in list order (every match, not the first). */
    public static List<MaskRule> matching(List<MaskRule> rules, Dataset ds) {
        Objects.requireNonNull(ds, "ds");
        List<MaskRule> out = new ArrayList<>();
        for (MaskRule r : rules) {
            if (r.matches(ds)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rectangles of all {@code rules} for a {@code columns} x {@code rows} image, clipped, in rule order. */
    public static List<Rect> rects(List<MaskRule> rules, int columns, int rows) {
        List<Rect> out = new ArrayList<>();
        for (MaskRule r : rules) {
            out.addAll(r.rects(columns, rows));
        }
        return out;
    }

    /**
     * Reads a mask library.
     *
     * @param source name used in messages and kept in each rule (a path or resource name)
     * @throws IllegalArgumentException for a malformed line, with message {@code source:line: problem}
     */
    public static List<MaskRule> parse(BufferedReader reader, String source) throws IOException {
        List<MaskRule> out = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                if (!t.startsWith("mask ") && !t.startsWith("mask\t")) {
                    throw new IllegalArgumentException("expected a line 'mask <name> <key>=<value>... rect x,y,w,h'");
                }
                out.add(MaskRule.parse(t.substring(5), source, line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Reads a mask library file (UTF-8). */
    public static List<MaskRule> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /**
     * Reads a library shipped in the plugin, such as {@code common} for {@code masks/common.masks}.
     *
     * @throws NoSuchFileException when there is no such library
     */
    public static List<MaskRule> builtin(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("invalid mask library name '" + name + "'");
        }
        String resource = BUILTIN_ROOT + "masks/" + name + ".masks";
        InputStream in = MaskRules.class.getResourceAsStream(resource);
        if (in == null) {
            throw new NoSuchFileException(resource, null, "no built-in mask library '" + name + "'");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, "builtin:masks/" + name + ".masks");
        }
    }
}
