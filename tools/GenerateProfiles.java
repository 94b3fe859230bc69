import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the shipped {@code basic} profile from the standard's tables.
 *
 * <p>Run from the repository root (one line):
 *
 * <pre>java tools/GenerateProfiles.java /work/shared/standard</pre>
 *
 * <p>The argument is the folder holding {@code confidentiality-profile.tsv} (PS3.15 Table E.1-1
 * with every option column), {@code safe-private-attributes.tsv} (PS3.15 Table E.3.10-1) and their
 * {@code README.md}. An optional second argument names the repository root (default: the current
 * folder). The program writes {@code profiles/basic.profile} under that root:
 *
 * <ul>
 *   <li>one rule per row of Table E.1-1, in the table's order: the tag or mask, the keyword when the
 *       repository's data dictionary ({@code src/main/resources/.../dict/elements.tsv}) knows it for
 *       that tag (the parser then checks they agree), the Basic Profile action and every non-empty
 *       option cell as {@code option=action};
 *   <li>the row {@code (gggg,eeee) where gggg is odd} as {@code private X} and
 *       {@code private-creator X} (the row covers creator elements too), and {@code unknown-creator X};
 *   <li>one rule per safe private attribute, {@code "<creator>" (GGGG,xxEE) X retain-safe-private=K},
 *       sorted by creator, group and element;
 *   <li>{@code * K}: attributes the table does not list are kept.
 * </ul>
 *
 * <p>The Retain Safe Private cell of the private row ({@code C}) is not turned into an action: PS3.15
 * E.3.10 retains the private attributes known to be safe, which the safe private rules express, and
 * this plugin removes every other private element; the cell is quoted in a comment.
 *
 * <p>Output depends on the input tables only, so re-running on the same tables gives identical
 * bytes. Malformed rows (unknown action, duplicate tag, bad creator element) are errors; an edition
 * or row count in the README other than expected is a warning on standard error.
 */
public final class GenerateProfiles {
    static final String EXPECTED_PROFILE_EDITION = "2024b";
    static final String EXPECTED_SAFE_PRIVATE_EDITION = "2020";

    private static final String PROFILE_SOURCE = "confidentiality-profile.tsv";
    private static final String SAFE_PRIVATE_SOURCE = "safe-private-attributes.tsv";
    private static final String DICTIONARY = "src/main/resources/org/dicomtools/deid/dicom/dict/elements.tsv";
    private static final String OUTPUT = "profiles/basic.profile";
    private static final String GENERATOR = "tools/GenerateProfiles.java";
    private static final String PRIVATE_ROW = "ggggeeee";

    private static final List<String> PROFILE_HEADER = List.of("tag", "keyword", "name", "retired",
            "in_std_comp_iod", "basic_profile", "retain_safe_private", "retain_uids", "retain_device_identity",
            "retain_institution_identity", "retain_patient_characteristics", "retain_long_full_dates",
            "retain_long_modified_dates", "clean_descriptors", "clean_structured_content", "clean_graphics",
            "tag_printed", "notes");
    private static final int FIRST_OPTION_COLUMN = 6;
    private static final int LAST_OPTION_COLUMN = 15;
    private static final List<String> SAFE_PRIVATE_HEADER =
            List.of("private_creator", "group", "element", "tag", "vr", "vm", "meaning", "tag_printed");
    private static final Set<String> ACTIONS = Set.of("X", "Z", "D", "K", "C", "U", "X/Z", "X/D", "Z/D", "X/Z/D", "X/Z/U*");
    private static final Pattern TAG = Pattern.compile("[0-9A-F]{8}|[0-9A-Fx]{8}");
    private static final int SELECTOR_WIDTH = 58;
    private static final int ACTION_WIDTH = 6;

    private GenerateProfiles() {
    }

    /** A row of Table E.1-1 turned into a rule line. */
    record Line(String selector, String action, List<String> options, String comment) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java " + GENERATOR + " <standard-tables-folder> [<repository-root>]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path root = Path.of(args.length == 2 ? args[1] : ".");
        Path dictionary = root.resolve(DICTIONARY);
        if (!Files.isRegularFile(dictionary)) {
            throw new IllegalArgumentException("not a repository root (no " + DICTIONARY + "): " + root.toAbsolutePath());
        }
        String readme = Files.isRegularFile(in.resolve("README.md"))
                ? Files.readString(in.resolve("README.md"), StandardCharsets.UTF_8) : "";
        List<String[]> profileRows = readTsv(in.resolve(PROFILE_SOURCE), PROFILE_HEADER);
        List<String[]> safeRows = readTsv(in.resolve(SAFE_PRIVATE_SOURCE), SAFE_PRIVATE_HEADER);
        String profileEdition = checkProvenance(readme, PROFILE_SOURCE, profileRows.size(), EXPECTED_PROFILE_EDITION);
        String safeEdition = checkProvenance(readme, SAFE_PRIVATE_SOURCE, safeRows.size(), EXPECTED_SAFE_PRIVATE_EDITION);
        Map<String, String> keywords = readDictionaryKeywords(dictionary);

        String text = render(profileRows, safeRows, keywords, profileEdition, safeEdition);
        Path out = root.resolve(OUTPUT);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + OUTPUT + ": " + profileRows.size() + " rows of Table E.1-1 (edition "
                + profileEdition + ") and " + safeRows.size() + " safe private attributes (edition " + safeEdition + ")");
    }

    static String render(List<String[]> profileRows, List<String[]> safeRows, Map<String, String> keywords,
            String profileEdition, String safeEdition) {
        List<Line> table = new ArrayList<>();
        List<Line> privateLines = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < profileRows.size(); i++) {
            String[] r = profileRows.get(i);
            String where = PROFILE_SOURCE + " row " + (i + 2) + ": ";
            String tag = r[0];
            if (!tags.add(tag)) {
                throw new IllegalArgumentException(where + "duplicate tag " + tag);
            }
            String action = checkAction(where, r[5]);
            if (tag.equals(PRIVATE_ROW)) {
                String cell = r[FIRST_OPTION_COLUMN];
                String comment = r[16] + "; Table E.1-1 gives Retain Safe Private " + (cell.isEmpty() ? "no action" : cell)
                        + ": kept only as the safe private rules below say (PS3.15 E.3.10)";
                for (int c = FIRST_OPTION_COLUMN + 1; c <= LAST_OPTION_COLUMN; c++) {
                    if (!r[c].isEmpty()) {
                        throw new IllegalArgumentException(where + "unexpected option cell for the private row: " + r[c]);
                    }
                }
                privateLines.add(new Line("private", action, List.of(), comment));
                privateLines.add(new Line("private-creator", action, List.of(),
                        "the same row covers private creator elements (gggg,0010-00FF)"));
                privateLines.add(new Line("unknown-creator", "X", List.of(),
                        "private elements without a creator can never be known safe"));
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(where + "bad tag " + tag);
            }
            List<String> options = new ArrayList<>();
            for (int c = FIRST_OPTION_COLUMN; c <= LAST_OPTION_COLUMN; c++) {
                if (!r[c].isEmpty()) {
                    options.add(PROFILE_HEADER.get(c).replace('_', '-') + "=" + checkAction(where, r[c]));
                }
            }
            String printed = "(" + tag.substring(0, 4) + "," + tag.substring(4) + ")";
            String keyword = r[1];
            boolean inline = !keyword.isEmpty() && tag.equals(keywords.get(keyword));
            List<String> notes = new ArrayList<>();
            if (!inline) {
                notes.add(keyword.isEmpty() ? r[2]
                        : tag.startsWith("0000") ? keyword + ", a PS3.7 command element"
                        : keyword + ", not in the data dictionary");
            }
            if (r[3].equals("Y")) {
                notes.add("retired");
            }
            if (!r[17].isEmpty()) {
                notes.add(r[17]);
            }
            table.add(new Line(inline ? printed + " " + keyword : printed, action, options, String.join("; ", notes)));
        }
        if (privateLines.isEmpty()) {
            throw new IllegalArgumentException(PROFILE_SOURCE + ": no private attributes row (" + PRIVATE_ROW + ")");
        }

        List<String[]> safe = new ArrayList<>(safeRows);
        safe.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[3]));
        List<Line> safeLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String[] r : safe) {
            String where = SAFE_PRIVATE_SOURCE + " " + r[0] + " " + r[3] + ": ";
            if (!r[1].matches("[0-9A-F]{3}[13579BDF]") || !r[2].matches("xx[0-9A-F]{2}") || !r[3].equals(r[1] + r[2])) {
                throw new IllegalArgumentException(where + "bad private element");
            }
            if (!seen.add(r[0] + "\t" + r[3])) {
                throw new IllegalArgumentException(where + "duplicate");
            }
            String selector = quote(r[0]) + " (" + r[1] + "," + r[2] + ")";
            String comment = (r[4].isEmpty() ? "" : r[4] + " ") + r[6];
            safeLines.add(new Line(selector, "X", List.of("retain-safe-private=K"), comment));
        }

        StringBuilder b = new StringBuilder();
        b.append("# The DICOM Basic Application Level Confidentiality Profile with every option as a switch:\n");
        b.append("# PS3.15 Table E.1-1 (edition ").append(profileEdition).append(") and the safe private attributes of\n");
        b.append("# PS3.15 Table E.3.10-1 (edition ").append(safeEdition).append(").\n");
        b.append("#\n");
        b.append("# Generated by ").append(GENERATOR).append(" from ").append(PROFILE_SOURCE).append(" (")
                .append(profileRows.size()).append(" rows) and\n");
        b.append("# ").append(SAFE_PRIVATE_SOURCE).append(" (").append(safeRows.size())
                .append(" rows). Generated, do not edit: change the generator or its\n");
        b.append("# input and re-run: java ").append(GENERATOR).append(" /work/shared/standard\n");
        b.append("#\n");
        b.append("# A rule is: <tag or mask> [<keyword>] <Basic Profile action> [<option>=<action> ...], the option\n");
        b.append("# actions being the table's option columns. The choices X/Z, X/D, Z/D, X/Z/D and X/Z/U* resolve to\n");
        b.append("# the action that keeps the attribute present (Z, D, D, D, U): see profiles/README.md.\n");
        b.append('\n');
        b.append("profile basic\n");
        b.append("description DICOM PS3.15 Basic Application Level Confidentiality Profile, every option a switch\n");
        b.append("standard PS3.15 ").append(profileEdition).append(" Table E.1-1; PS3.15 ").append(safeEdition)
                .append(" Table E.3.10-1\n");
        b.append('\n');
        b.append("# Table E.1-1, in the table's order (by attribute name).\n");
        table.forEach(l -> append(b, l));
        b.append('\n');
        b.append("# Private attributes: removed, except the safe private attributes below with retain-safe-private.\n");
        privateLines.forEach(l -> append(b, l));
        b.append('\n');
        b.append("# Safe private attributes (Table E.3.10-1): kept with retain-safe-private, by creator and element.\n");
        safeLines.forEach(l -> append(b, l));
        b.append('\n');
        b.append("# Attributes that Table E.1-1 does not list are kept; the engine still checks their text for the\n");
        b.append("# PHI values removed elsewhere in the dataset.\n");
        append(b, new Line("*", "K", List.of(), ""));
        return b.toString();
    }

    private static void append(StringBuilder b, Line l) {
        StringBuilder line = new StringBuilder(l.selector());
        pad(line, SELECTOR_WIDTH);
        line.append(l.action());
        if (!l.options().isEmpty() || !l.comment().isEmpty()) {
            pad(line, SELECTOR_WIDTH + ACTION_WIDTH);
        }
        line.append(String.join(" ", l.options()));
        if (!l.comment().isEmpty()) {
            if (!l.options().isEmpty()) {
                line.append("  ");
            }
            line.append("# ").append(l.comment());
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    private static void pad(StringBuilder line, int width) {
        do {
            line.append(' ');
        } while (line.length() < width);
    }

    private static String checkAction(String where, String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException(where + "unknown action '" + action + "'");
        }
        return action;
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Keyword to {@code GGGGEEEE} (masks with x) from the repository's generated dictionary resource. */
    static Map<String, String> readDictionaryKeywords(Path file) throws IOException {
        Map<String, String> keywords = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("tag\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length > 1 && !cells[1].isEmpty()) {
                keywords.put(cells[1], cells[0]);
            }
        }
        return keywords;
    }

    private static List<String[]> readTsv(Path file, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(String.join("\t", header))) {
            throw new IllegalArgumentException(file + ": expected header " + header);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(file.getFileName() + " row " + (i + 1) + ": " + cells.length
                        + " cells, expected " + header.size());
            }
            rows.add(cells);
        }
        return rows;
    }

    /**
     * Finds the README's "Editions at a glance" row of {@code file} and warns when its edition is not
     * the expected one or its row count differs from the rows read.
     *
     * @return the edition the README states, or {@code "unknown"}
     */
    static String checkProvenance(String readme, String file, int rows, String expected) {
        Matcher m = Pattern.compile("(?m)^\\|\\s*`" + Pattern.quote(file)
                + "`\\s*\\|\\s*(\\d+)\\s*\\|\\s*\\*\\*(\\w+)\\*\\*").matcher(readme);
        if (!m.find()) {
            warn(file + ": the README states no edition; expected " + expected);
            return "unknown";
        }
        if (!m.group(2).equals(expected)) {
            warn(file + ": edition " + m.group(2) + " but this generator expects " + expected
                    + "; check the table's caveats and update the expected edition");
        }
        if (Integer.parseInt(m.group(1)) != rows) {
            warn(file + ": the README states " + m.group(1) + " rows, read " + rows);
        }
        return m.group(2);
    }

    private static void warn(String message) {
        System.err.println("WARNING: " + message);
    }
}
