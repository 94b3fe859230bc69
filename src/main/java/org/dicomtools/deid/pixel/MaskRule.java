package org.dicomtools.deid.pixel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.dict.ElementDictionary;
import org.dicomtools.deid.dicom.dict.Tag;

/**
 * A mask rule of a profile: the rectangles to blank on every frame of the images that match all of
 * its conditions.
 *
 * <p>Syntax of a profile line (the part after the keyword {@code mask}):
 * <pre>
 * mask &lt;name&gt; &lt;key&gt;=&lt;value&gt;... rect x,y,w,h [rect x,y,w,h ...]
 * </pre>
 * <ul>
 * <li>{@code name}: letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit;
 *     it names the rule in logs, the review manifest and the audit log.</li>
 * <li>Conditions, at least one, all before the first {@code rect}; a value with spaces is quoted with
 *     {@code "} or {@code '} (no escapes inside quotes; a value starting with {@code #} must be quoted,
 *     since an unquoted {@code #} starts a comment). Keys:
 *   <ul>
 *   <li>{@code modality}: Modality (0008,0060), exact;</li>
 *   <li>{@code manufacturer}: Manufacturer (0008,0070), {@code model}: Manufacturer's Model Name
 *       (0008,1090), {@code software}: any value of Software Versions (0018,1020): each a prefix,
 *       compared ignoring case, because vendors vary the suffix ({@code GE Healthcare},
 *       {@code GE MEDICAL SYSTEMS}; {@code 2.1.3}, {@code 2.1.3 build 7});</li>
 *   <li>{@code size}: {@code <columns>x<rows>}, Columns (0028,0011) and Rows (0028,0010);</li>
 *   <li>any other key is a data dictionary keyword ({@code ImageType}) or a tag ({@code (0008,0008)},
 *       {@code 00080008}) of the top-level dataset; its values, trimmed and joined with {@code \},
 *       must equal the rule value exactly ({@code ImageType="DERIVED\SECONDARY\SCREEN SAVE"}).</li>
 *   </ul>
 *   Values are trimmed; an empty value ({@code BurnedInAnnotation=""}) matches an absent or empty
 *   attribute.</li>
 * <li>{@code rect x,y,w,h}: left column, top row, width and height; each a pixel count or a
 *     percentage of the image's width (x, w) or height (y, h) with up to three decimals:
 *     {@code rect 0,0,100%,8%}. Percentages are rounded outwards (the rectangle never shrinks), and
 *     a rectangle reaching outside the image is clipped to it.</li>
 * </ul>
 *
 * @param name the rule's name
 * @param match the conditions, key to value, in the order written
 * @param regions the rectangles as written, resolved per image by {@link #rects(int, int)}
 * @param source where the rule was read (a profile file or resource name), for messages
 * @param line the line number in {@code source}, or 0
 */
public record MaskRule(String name, Map<String, String> match, List<Region> regions, String source, int line) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,5})[xX]([0-9]{1,5})");
    private static final List<String> PREFIX_KEYS = List.of("manufacturer", "model", "software");

    public MaskRule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid mask rule name '" + name + "'");
        }
        if (match.isEmpty()) {
            throw new IllegalArgumentException("mask rule " + name + " needs at least one condition");
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("mask rule " + name + " needs at least one rect");
        }
        for (Map.Entry<String, String> c : match.entrySet()) {
            tagOfKey(c.getKey());
            Objects.requireNonNull(c.getValue(), "value");
            if (c.getKey().equals("size") && !SIZE.matcher(c.getValue()).matches()) {
                throw new IllegalArgumentException("mask rule " + name + ": size must be <columns>x<rows>, found '"
                        + c.getValue() + "'");
            }
        }
        match = Collections.unmodifiableMap(new LinkedHashMap<>(match));
        regions = List.copyOf(regions);
        source = source == null ? "" : source;
    }

    /**
     * One coordinate of a rectangle as written: a pixel count, or a percentage in thousandths of a
     * percent (so {@code 8.5%} is 8500).
     *
     * @param value pixels, or thousandths of a percent
     * @param percent true for a percentage
     */
    public record Extent(long value, boolean percent) {
        public Extent {
            if (value < 0 || (percent && value > 100_000)) {
                throw new IllegalArgumentException("coordinate out of range: " + value + (percent ? "/1000 %" : ""));
            }
        }

        /** The coordinate times 100000, for exact integer arithmetic against an image dimension. */
        long scaled(int dimension) {
            return percent ? value * dimension : value * 100_000;
        }

        @Override
        public String toString() {
            return percent ? BigDecimal.valueOf(value, 3).stripTrailingZeros().toPlainString() + "%"
                    : Long.toString(value);
        }
    }

    /**
     * A rectangle as written in a rule; percentages refer to the image it is applied to.
     *
     * @param x left column
     * @param y top row
     * @param width width (positive)
     * @param height height (positive)
     */
    public record Region(Extent x, Extent y, Extent width, Extent height) {
        public Region {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (width.value() == 0 || height.value() == 0) {
                throw new IllegalArgumentException("rect " + x + "," + y + "," + width + "," + height
                        + " has no area: width and height must be positive");
            }
        }

        /**
         * The pixels this region covers in a {@code columns} x {@code rows} image: percentages are
         * rounded outwards (first pixel down, last pixel up), then the result is clipped to the image.
         */
        public Rect resolve(int columns, int rows) {
            long x0 = Math.floorDiv(x.scaled(columns), 100_000);
            long x1 = ceilDiv(x.scaled(columns) + width.scaled(columns), 100_000);
            long y0 = Math.floorDiv(y.scaled(rows), 100_000);
            long y1 = ceilDiv(y.scaled(rows) + height.scaled(rows), 100_000);
            int cx0 = (int) Math.min(x0, columns);
            int cy0 = (int) Math.min(y0, rows);
            int cx1 = (int) Math.min(x1, columns);
            int cy1 = (int) Math.min(y1, rows);
            return new Rect(cx0, cy0, cx1 - cx0, cy1 - cy0);
        }

        @Override
        public String toString() {
            return x + "," + y + "," + width + "," + height;
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Parses the text after the keyword {@code mask}.
     *
     * @param lineAfterKeyword for example {@code us-top modality=US rect 0,0,100%,10%}
     * @param source where the line comes from (kept in the rule for messages)
     * @param line its line number (kept in the rule)
     * @throws IllegalArgumentException with a message naming the offending token; the caller adds the
     *     file and line
     */
    public static MaskRule parse(String lineAfterKeyword, String source, int line) {
        List<String> tokens = tokenize(lineAfterKeyword);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("mask rule without a name: expected "
                    + "'mask <name> <key>=<value>... rect x,y,w,h'");
        }
        String name = tokens.get(0);
        if (name.equals("rect") || name.contains("=") || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid mask rule name '" + name
                    + "': expected 'mask <name> <key>=<value>... rect x,y,w,h'; a name uses letters, digits, . _ -");
        }
        Map<String, String> match = new LinkedHashMap<>();
        int i = 1;
        for (; i < tokens.size() && !tokens.get(i).equals("rect"); i++) {
            String t = tokens.get(i);
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mask rule " + name + ": expected <key>=<value> or rect, found '"
                        + t + "'");
            }
            String key = t.substring(0, eq).trim();
            String value = t.substring(eq + 1).trim();
            tagOfKey(key);
            if (key.equals("size") && !SIZE.matcher(value).matches()) {
                throw new IllegalArgumentException("mask rule " + name + ": size must be <columns>x<rows>, found '"
                        + value + "'");
            }
            if (match.put(key, key.equals("size") ? value.toLowerCase(Locale.ROOT) : value) != null) {
                throw new IllegalArgumentException("mask rule " + name + ": condition " + key + " given twice");
            }
        }
        if (match.isEmpty()) {
            throw new IllegalArgumentException("mask rule " + name
                    + " needs at least one condition (modality, manufacturer, model, software, size or a keyword)"
                    + " before its first rect");
        }
        List<Region> regions = new ArrayList<>();
        while (i < tokens.size()) {
            // tokens[i] is "rect"; its coordinates run to the next "rect" and may contain spaces.
            StringBuilder coords = new StringBuilder();
            i++;
            for (; i < tokens.size() && !tokens.get(i).equals("rect"); i++) {
                String t = tokens.get(i);
                if (t.contains("=")) {
                    throw new IllegalArgumentException("mask rule " + name + ": condition '" + t
                            + "' after rect; put every condition before the first rect");
                }
                coords.append(t);
            }
            regions.add(parseRegion(coords.toString(), name));
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("mask rule " + name + " has no rect: add 'rect x,y,w,h'");
        }
        return new MaskRule(name, match, regions, source, line);
    }

    private static Region parseRegion(String text, String name) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("mask rule " + name + ": rect needs x,y,w,h, found '" + text + "'");
        }
        Extent[] e = new Extent[4];
        for (int k = 0; k < 4; k++) {
            e[k] = parseExtent(parts[k].trim(), name, text);
        }
        try {
            return new Region(e[0], e[1], e[2], e[3]);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("mask rule " + name + ": " + ex.getMessage(), ex);
        }
    }

    private static Extent parseExtent(String s, String name, String rect) {
        boolean percent = s.endsWith("%");
        String number = percent ? s.substring(0, s.length() - 1) : s;
        String problem;
        if (!number.matches(percent ? "[0-9]{1,3}(\\.[0-9]{1,3})?" : "[0-9]{1,9}")) {
            problem = percent ? "a percentage such as 8% or 12.5% (at most three decimals)"
                    : "a pixel count or a percentage";
        } else {
            long v = percent ? new BigDecimal(number).movePointRight(3).longValueExact() : Long.parseLong(number);
            if (!percent || v <= 100_000) {
                return new Extent(v, percent);
            }
            problem = "at most 100%";
        }
        throw new IllegalArgumentException("mask rule " + name + ": rect " + rect + ": '" + s + "' is not "
                + problem);
    }

    /**
     * Splits at spaces; {@code "} and {@code '} quote a section with spaces (quotes removed); an
     * unquoted token starting with {@code #} ends the line.
     */
    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
            } else if (c == '#' && cur == null) {
                break;
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    cur.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote " + quote + " in mask rule");
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * The tag a condition key reads, or -1 for {@code size}.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    static int tagOfKey(String key) {
        switch (key) {
            case "modality":
                return Tag.Modality;
            case "manufacturer":
                return Tag.Manufacturer;
            case "model":
                return Tag.ManufacturerModelName;
            case "software":
                return Tag.SoftwareVersions;
            case "size":
                return -1;
            default:
                break;
        }
        OptionalInt t = ElementDictionary.standard().tagOf(key);
        if (t.isPresent()) {
            return t.getAsInt();
        }
        if (key.matches("\\(?[0-9A-Fa-f]{4},?[0-9A-Fa-f]{4}\\)?")) {
            return Tags.parse(key);
        }
        throw new IllegalArgumentException("unknown mask condition '" + key
                + "': use modality, manufacturer, model, software, size, a DICOM keyword or a tag (GGGG,EEEE)");
    }

    /** True when the top level of {@code ds} satisfies every condition. */
    public boolean matches(Dataset ds) {
        for (Map.Entry<String, String> c : match.entrySet()) {
            if (!satisfies(ds, c.getKey(), c.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfies(Dataset ds, String key, String expected) {
        if (key.equals("size")) {
            int columns = ds.getInt(Tag.Columns, -1);
            int rows = ds.getInt(Tag.Rows, -1);
            return expected.equals(columns + "x" + rows);
        }
        List<String> values = ds.getStrings(tagOfKey(key));
        if (expected.isEmpty()) {
            return values.stream().allMatch(String::isEmpty);
        }
        if (PREFIX_KEYS.contains(key)) {
            return values.stream().anyMatch(v -> v.trim().regionMatches(true, 0, expected, 0, expected.length()));
        }
        return String.join("\\", values.stream().map(String::trim).toList()).equals(expected);
    }

    /**
     * The rectangles of this rule for a {@code columns} x {@code rows} image, resolved and clipped;
     * rectangles entirely outside the image are left out.
     */
    public List<Rect> rects(int columns, int rows) {
        List<Rect> out = new ArrayList<>(regions.size());
        for (Region r : regions) {
            Rect rect = r.resolve(columns, rows);
            if (!rect.isEmpty()) {
                out.add(rect);
            }
        }
        return out;
    }

    /** {@code source:line} for messages, or the source alone when the line is unknown. */
    public String location() {
        return line > 0 ? source + ":" + line : source;
    }

    /** The rule in profile syntax (after the keyword {@code mask}); values with spaces are quoted. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        for (Map.Entry<String, String> c : match.entrySet()) {
            String v = c.getValue();
            sb.append(' ').append(c.getKey()).append('=');
            if (v.isEmpty() || v.matches(".*[\\s#'\"].*")) {
                char q = v.indexOf('"') >= 0 ? '\'' : '"';
                sb.append(q).append(v).append(q);
            } else {
                sb.append(v);
            }
        }
        for (Region r : regions) {
            sb.append(" rect ").append(r);
        }
        return sb.toString();
    }
}
