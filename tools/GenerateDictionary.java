import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Generates the codec's DICOM data dictionary and UID registry from the standard's tables.
 *
 * <p>Run from the repository root (one line):
 *
 * <pre>java tools/GenerateDictionary.java /work/shared/standard</pre>
 *
 * <p>The argument is the folder holding {@code data-dictionary.tsv} (PS3.6 Tables 6-1, 7-1, 8-1),
 * {@code uids.tsv} (PS3.6 Tables A-1, A-2) and their {@code README.md}. An optional second argument
 * names the repository root to write into (default: the current folder). The program writes, under
 * that root:
 *
 * <ul>
 *   <li>{@code src/main/resources/org/dicomtools/deid/dicom/dict/elements.tsv}: every data element,
 *       sorted by tag; repeating groups and ranges ({@code 60xx3000}, {@code 1000xxx0}) stay masks;
 *   <li>{@code src/main/resources/org/dicomtools/deid/dicom/dict/uids.tsv}: every registered UID,
 *       sorted by UID;
 *   <li>{@code src/main/java/org/dicomtools/deid/dicom/dict/Tag.java}: an {@code int} constant per
 *       keyword of a non-mask element;
 *   <li>{@code src/main/java/org/dicomtools/deid/dicom/dict/UID.java}: a {@code String} constant per
 *       UID keyword.
 * </ul>
 *
 * <p>Output depends on the input tables only (no dates, no paths), so re-running it on the same
 * tables gives identical bytes. It rejects malformed rows (unknown VR, duplicate tag or keyword,
 * keyword that is not a Java name) and warns on standard error when the README states an edition
 * other than {@value #EXPECTED_EDITION} or a row count that differs from the table read.
 */
public final class GenerateDictionary {
    static final String EXPECTED_EDITION = "2024d";

    private static final String ELEMENTS_SOURCE = "data-dictionary.tsv";
    private static final String UIDS_SOURCE = "uids.tsv";
    private static final String PACKAGE = "org.dicomtools.deid.dicom.dict";
    private static final String PACKAGE_PATH = PACKAGE.replace('.', '/');
    private static final String GENERATOR = "tools/GenerateDictionary.java";

    private static final Set<String> VRS = Set.of(
            "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
            "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US",
            "UT", "UV");
    private static final Pattern TAG = Pattern.compile("[0-9A-Fx]{8}");
    private static final Pattern UID_TEXT = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private GenerateDictionary() {
    }

    /** One row of PS3.6 Tables 6-1, 7-1, 8-1; {@code value} has 0 for each wildcard digit. */
    record Element(String tag, int value, int mask, String keyword, String vr, String vm, boolean retired,
            String name) {
        boolean isMask() {
            return mask != 0xFFFFFFFF;
        }
    }

    /** One row of PS3.6 Tables A-1, A-2. */
    record Uid(String uid, String keyword, String type, boolean retired, String name) {
    }

    /** What the README states about one table: its edition and row count, or null when absent. */
    record Provenance(String edition, int rows) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java " + GENERATOR + " <standard-tables-folder> [<repository-root>]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path root = Path.of(args.length == 2 ? args[1] : ".");
        if (!Files.isDirectory(root.resolve("src/main/java"))) {
            throw new IllegalArgumentException("not a repository root (no src/main/java): " + root.toAbsolutePath());
        }
        List<Element> elements = readElements(in.resolve(ELEMENTS_SOURCE));
        List<Uid> uids = readUids(in.resolve(UIDS_SOURCE));
        String readme = Files.isRegularFile(in.resolve("README.md"))
                ? Files.readString(in.resolve("README.md"), StandardCharsets.UTF_8)
                : "";
        String elementsEdition = checkProvenance(readme, ELEMENTS_SOURCE, elements.size());
        String uidsEdition = checkProvenance(readme, UIDS_SOURCE, uids.size());

        Path resources = root.resolve("src/main/resources").resolve(PACKAGE_PATH);
        Path sources = root.resolve("src/main/java").resolve(PACKAGE_PATH);
        Files.createDirectories(resources);
        Files.createDirectories(sources);
        write(resources.resolve("elements.tsv"), elementsTsv(elements, elementsEdition));
        write(resources.resolve("uids.tsv"), uidsTsv(uids, uidsEdition));
        write(sources.resolve("Tag.java"), tagJava(elements, elementsEdition));
        write(sources.resolve("UID.java"), uidJava(uids, uidsEdition));
        System.out.println("wrote " + elements.size() + " elements (edition " + elementsEdition + ") and "
                + uids.size() + " UIDs (edition " + uidsEdition + ")");
    }


    static List<Element> readElements(Path file) throws IOException {
        List<String[]> rows = readTsv(file, List.of("tag", "name", "keyword", "vr", "vm", "retired", "notes"));
        List<Element> elements = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = file.getFileName() + " row " + (i + 2) + ": ";
            String tag = r[0];
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(where + "bad tag " + tag);
            }
            if (!tags.add(tag)) {
                throw new IllegalArgumentException(where + "duplicate tag " + tag);
            }
            String keyword = r[2];
            checkKeyword(where, keyword, keywords);
            String vr = r[3];
            if (!vr.isEmpty()) {
                for (String code : vr.split(" or ", -1)) {
                    if (!VRS.contains(code)) {
                        throw new IllegalArgumentException(where + "unknown VR " + vr);
                    }
                }
            }
            long value = Long.parseLong(tag.replace('x', '0'), 16);
            long mask = Long.parseLong(tag.replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
            elements.add(new Element(tag, (int) value, (int) mask, keyword, vr, r[4], flag(where, r[5]), r[1]));
        }
        elements.sort(Comparator.comparingLong((Element e) -> Integer.toUnsignedLong(e.value()))
                .thenComparing(e -> Integer.toUnsignedLong(e.mask()), Comparator.reverseOrder())
                .thenComparing(Element::tag));
        return elements;
    }

    static List<Uid> readUids(Path file) throws IOException {
        List<String[]> rows = readTsv(file,
                List.of("uid", "name", "keyword", "type", "retired", "short_name", "part", "table"));
        List<Uid> uids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = file.getFileName() + " row " + (i + 2) + ": ";
            if (!UID_TEXT.matcher(r[0]).matches() || r[0].length() > 64) {
                throw new IllegalArgumentException(where + "bad UID " + r[0]);
            }
            if (!seen.add(r[0])) {
                throw new IllegalArgumentException(where + "duplicate UID " + r[0]);
            }
            checkKeyword(where, r[2], keywords);
            if (r[3].isEmpty()) {
                throw new IllegalArgumentException(where + "no type");
            }
            uids.add(new Uid(r[0], r[2], r[3], flag(where, r[4]), r[1]));
        }
        uids.sort(GenerateDictionary::compareUids);
        return uids;
    }

    /** Orders UIDs by their numeric components, shorter first when one is a prefix of the other. */
    static int compareUids(Uid a, Uid b) {
        String[] x = a.uid().split("\\.");
        String[] y = b.uid().split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].length() != y[i].length()
                    ? Integer.compare(x[i].length(), y[i].length())
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static List<String[]> readTsv(Path file, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(String.join("\t", header))) {
            throw new IllegalArgumentException(file + ": expected header " + header);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(file.getFileName() + " row " + (i + 1) + ": "
                        + cells.length + " cells, expected " + header.size());
            }
            for (String cell : cells) {
                if (!cell.equals(cell.strip())) {
                    throw new IllegalArgumentException(file.getFileName() + " row " + (i + 1)
                            + ": cell with surrounding blanks: '" + cell + "'");
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static void checkKeyword(String where, String keyword, Set<String> seen) {
        if (keyword.isEmpty()) {
            return;
        }
        if (!SourceVersion.isName(keyword) || keyword.indexOf('$') >= 0) {
            throw new IllegalArgumentException(where + "keyword is not a plain Java name: " + keyword);
        }
        if (!seen.add(keyword)) {
            throw new IllegalArgumentException(where + "duplicate keyword " + keyword);
        }
    }

    private static boolean flag(String where, String cell) {
        if (cell.equals("Y")) {
            return true;
        }
        if (cell.equals("N")) {
            return false;
        }
        throw new IllegalArgumentException(where + "retired flag is not Y or N: " + cell);
    }

    /**
     * Finds the README's "Editions at a glance" row of {@code file} and warns when its edition is not
     * the expected one or its row count differs from the rows read.
     *
     * @return the edition the README states, or {@code "unknown"}
     */
    static String checkProvenance(String readme, String file, int rows) {
        Matcher m = Pattern.compile("(?m)^\\|\\s*`" + Pattern.quote(file)
                + "`\\s*\\|\\s*(\\d+)\\s*\\|\\s*\\*\\*(\\w+)\\*\\*").matcher(readme);
        if (!m.find()) {
            warn(file + ": the README states no edition; expected " + EXPECTED_EDITION);
            return "unknown";
        }
        Provenance p = new Provenance(m.group(2), Integer.parseInt(m.group(1)));
        if (!p.edition().equals(EXPECTED_EDITION)) {
            warn(file + ": edition " + p.edition() + " but this generator expects " + EXPECTED_EDITION
                    + "; check the table's caveats and update EXPECTED_EDITION");
        }
        if (p.rows() != rows) {
            warn(file + ": the README states " + p.rows() + " rows, read " + rows);
        }
        return p.edition();
    }

    private static void warn(String message) {
        System.err.println("WARNING: " + message);
    }


    private static String elementsTsv(List<Element> elements, String edition) {
        StringBuilder b = new StringBuilder();
        b.append("# DICOM data dictionary: PS3.6 Tables 6-1, 7-1 and 8-1, edition ").append(edition).append('\n');
        b.append("# Generated by ").append(GENERATOR).append(" from ").append(ELEMENTS_SOURCE)
                .append("; generated, do not edit.\n");
        b.append("# tag: GGGGEEEE in upper-case hex, a lower-case x is a wildcard digit (repeating groups, ranges).\n");
        b.append("# vr: as printed in the standard (US or SS, OB or OW); empty for the item and delimitation tags.\n");
        b.append("tag\tkeyword\tvr\tvm\tretired\tname\n");
        for (Element e : elements) {
            b.append(e.tag()).append('\t').append(e.keyword()).append('\t').append(e.vr()).append('\t')
                    .append(e.vm()).append('\t').append(e.retired() ? 'Y' : 'N').append('\t').append(e.name())
                    .append('\n');
        }
        return b.toString();
    }

    private static String uidsTsv(List<Uid> uids, String edition) {
        StringBuilder b = new StringBuilder();
        b.append("# DICOM unique identifiers: PS3.6 Tables A-1 and A-2, edition ").append(edition).append('\n');
        b.append("# Generated by ").append(GENERATOR).append(" from ").append(UIDS_SOURCE)
                .append("; generated, do not edit.\n");
        b.append("uid\tkeyword\ttype\tretired\tname\n");
        for (Uid u : uids) {
            b.append(u.uid()).append('\t').append(u.keyword()).append('\t').append(u.type()).append('\t')
                    .append(u.retired() ? 'Y' : 'N').append('\t').append(u.name()).append('\n');
        }
        return b.toString();
    }

    private static String tagJava(List<Element> elements, String edition) {
        StringBuilder b = javaHeader(ELEMENTS_SOURCE, "PS3.6 Tables 6-1, 7-1 and 8-1", edition);
        b.append("/**\n");
        b.append(" * Tags of the DICOM data dictionary (PS3.6 Tables 6-1, 7-1 and 8-1, edition ").append(edition)
                .append("),\n");
        b.append(" * one {@code int} constant {@code 0xGGGGEEEE} per keyword. Retired elements are included and\n");
        b.append(" * say so. Repeating groups and ranges such as (60xx,3000) have no constant: look them up in\n");
        b.append(" * {@link ElementDictionary}.\n");
        b.append(" */\n");
        b.append("public final class Tag {\n");
        for (Element e : elements) {
            if (e.isMask() || e.keyword().isEmpty()) {
                continue;
            }
            String hex = e.tag();
            b.append("    /** (").append(hex, 0, 4).append(',').append(hex, 4, 8).append(") ")
                    .append(javadoc(e.name())).append(e.retired() ? ", retired" : "").append(". */\n");
            b.append("    public static final int ").append(e.keyword()).append(" = 0x").append(hex).append(";\n\n");
        }
        b.append("    private Tag() {\n    }\n}\n");
        return b.toString();
    }

    private static String uidJava(List<Uid> uids, String edition) {
        StringBuilder b = javaHeader(UIDS_SOURCE, "PS3.6 Tables A-1 and A-2", edition);
        b.append("/**\n");
        b.append(" * Registered DICOM unique identifiers (PS3.6 Tables A-1 and A-2, edition ").append(edition)
                .append("),\n");
        b.append(" * one constant per keyword; the Javadoc gives the UID name as printed and its type.\n");
        b.append(" */\n");
        b.append("public final class UID {\n");
        for (Uid u : uids) {
            if (u.keyword().isEmpty()) {
                continue;
            }
            b.append("    /** ").append(javadoc(u.name())).append("; type ").append(javadoc(u.type()))
                    .append(u.retired() && !u.name().endsWith("(Retired)") ? ", retired" : "").append(". */\n");
            b.append("    public static final String ").append(u.keyword()).append(" = \"").append(u.uid())
                    .append("\";\n\n");
        }
        b.append("    private UID() {\n    }\n}\n");
        return b.toString();
    }

    private static StringBuilder javaHeader(String source, String tables, String edition) {
        StringBuilder b = new StringBuilder();
        b.append("// Generated by ").append(GENERATOR).append(" from ").append(source).append(" (DICOM ").append(tables)
                .append(", edition ").append(edition).append(").\n");
        b.append("// Generated, do not edit: change the generator or its input and re-run it.\n");
        b.append("package ").append(PACKAGE).append(";\n\n");
        return b;
    }

    /** Escapes text for a Javadoc sentence: HTML specials, at-signs and comment terminators. */
    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
