package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    /** Every element the writer itself emits; any other tag must have come from data. */
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body",
            "h1", "h2", "h3", "p", "span", "table", "thead", "tbody", "tr", "th", "td", "code", "em", "a", "img",
            "section", "ul", "li");

    private static String html(VerifyReport report) {
        return Fixtures.render(new HtmlReportWriter("1.2.3"), report);
    }

    private static List<String> tags(String html) {
        List<String> tags = new ArrayList<>();
        Matcher m = Pattern.compile("<(/?)([^\\s>/]*)").matcher(html);
        while (m.find()) {
            tags.add(m.group(2));
        }
        return tags;
    }

    /** A report whose every string tries to break out of the markup. */
    private static VerifyReport hostile() {
        RuleInfo rule = new RuleInfo("<b>x</b>", "<script>alert(1)</script>", Severity.HIGH, "<iframe src=x>");
        Finding f = new Finding("<b>x</b>", Severity.HIGH, "<img src=x onerror=alert(1)>.dcm", "<svg onload=x>",
                "</td></tr></table><script>alert(2)</script>", "\"><a href=javascript:alert(3)>");
        return new VerifyReport("<title>", List.of(rule), List.of(f.file()), List.of(f), List.of(f),
                List.of("<marquee>"), Severity.HIGH, Map.of(f.file(), "javascript:alert(4)"));
    }

    @Test
    void messagesAreEscapedAndIllegalCharactersDropped() {
        String html = html(Fixtures.report());
        assertTrue(html.contains("<td>PatientName survives &lt;&amp;&quot;&#39;&gt; in M\u00fcller \u5c71\u7530"
                + " \ud83d\ude00 end</td>"));
        assertFalse(html.contains(Fixtures.NASTY));
        assertFalse(html.contains("\u0001"));
    }

    @Test
    void noMarkupComesFromData() {
        String html = html(hostile());
        for (String tag : tags(html)) {
            assertTrue(OWN_TAGS.contains(tag), "unexpected tag <" + tag + "> in\n" + html);
        }
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("<td>&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;</td>"));
        assertTrue(html.contains("<a href=\"javascript%3Aalert%284%29\">"), "a thumbnail path cannot be a scheme");
    }

    @Test
    void pageIsSelfContained() {
        String html = html(Fixtures.report());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
        assertTrue(html.endsWith("</body>\n</html>\n"));
        assertFalse(html.contains("http:"));
        assertFalse(html.contains("https:"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("@import"));
        assertEquals(List.of("thumbs/b/two%20%3C1%3E.png", "thumbs/b/two%20%3C1%3E.png"),
                Pattern.compile(" src=\"([^\"]*)\"").matcher(html).results().map(r -> r.group(1)).toList());
    }

    @Test
    void summaryRulesAndVerdict() {
        String html = html(Fixtures.report());
        assertTrue(html.contains("<h1>deid:verify <span class=\"verdict failed\">FAILED</span></h1>\n"
                + "<p>6 findings in 3 of 4 files and the dataset (1 CRITICAL, 2 HIGH, 1 MEDIUM, 1 LOW, 1 INFO),"
                + " threshold HIGH</p>\n"));
        assertTrue(html.contains("<tr><th>Files checked</th><td>4</td></tr>\n"
                + "<tr><th>Files with findings</th><td>3</td></tr>\n"
                + "<tr><th>Findings</th><td>6</td></tr>\n"
                + "<tr><th>Failing the build</th><td>3</td></tr>\n"
                + "<tr><th>Accepted by the baseline</th><td>1</td></tr>\n"
                + "<tr><th>Stale baseline entries</th><td>1</td></tr>\n"
                + "<tr><th>Tool</th><td>deid-maven-plugin 1.2.3</td></tr>\n"));
        assertTrue(html.contains("<tr><td><a href=\"#rule-uid-root\"><code>uid-root</code></a></td>"
                + "<td>UID outside the de-identification root</td><td><span class=\"sev-MEDIUM\">MEDIUM</span></td>"
                + "<td>3</td></tr>\n"));
    }

    @Test
    void findingsTablePerRuleWithThumbnailLinks() {
        String html = html(Fixtures.report());
        assertTrue(html.contains("<section id=\"rule-phi-attribute\">\n"
                + "<h3><code>phi-attribute</code> Retained PHI attribute (3 findings)</h3>\n"
                + "<p>An attribute the profile removes or replaces still holds a real value.</p>\n<table>\n"
                + "<thead><tr><th>File</th><th>Tag path</th><th>Severity</th><th>Message</th><th>Hint</th>"
                + "<th>Thumbnail</th></tr></thead>\n"));
        assertTrue(html.contains("<tr class=\"failing\"><td><code>b/two.dcm</code></td>"
                + "<td><code>(0040,A730)[2]/(0040,A160)</code></td><td><span class=\"sev-CRITICAL\">CRITICAL</span></td>"
                + "<td>TextValue holds a date</td><td><code>20**-**-**</code></td><td><a href=\"thumbs/b/two%20%3C1%3E.png\">"
                + "<img class=\"thumb\" src=\"thumbs/b/two%20%3C1%3E.png\" alt=\"thumbnail of b/two.dcm\"></a></td></tr>\n"));
        assertTrue(html.contains("<tr class=\"failing\"><td><em>(dataset)</em></td><td></td>"
                + "<td><span class=\"sev-HIGH\">HIGH</span></td><td>Referenced UID exists in no file</td><td></td><td></td>"
                + "</tr>\n"));
        assertTrue(html.contains("<tr><td><code>a/one.dcm</code></td><td><code>(0008,0018)</code></td>"
                + "<td><span class=\"sev-MEDIUM\">MEDIUM</span></td>"));
    }

    @Test
    void acceptedAndStaleSections() {
        String html = html(Fixtures.report());
        assertTrue(html.contains("<h2 id=\"accepted\">Accepted by the baseline</h2>\n<table>\n<thead><tr><th>Rule</th>"
                + "<th>File</th><th>Tag path</th><th>Severity</th><th>Message</th><th>Hint</th><th>Thumbnail</th></tr>"
                + "</thead>\n<tbody>\n<tr><td><code>phi-attribute</code></td><td><code>c/three.dcm</code></td>"
                + "<td><code>(0010,1000)</code></td><td><span class=\"sev-HIGH\">HIGH</span></td>"
                + "<td>OtherPatientIDs kept</td><td><code>X**</code></td><td></td></tr>\n</tbody>\n</table>\n"));
        assertTrue(html.contains("<h2 id=\"stale\">Stale baseline entries</h2>\n<p>These baseline entries match no"
                + " finding; remove them from the baseline file.</p>\n<ul>\n"
                + "<li><code>phi-attribute c/gone.dcm (0010,0020)</code></li>\n</ul>\n"));
    }

    @Test
    void cleanReportPassesAndSaysSo() {
        String html = html(Fixtures.clean());
        assertTrue(html.contains("<span class=\"verdict passed\">PASSED</span>"));
        assertTrue(html.contains("<p>no findings in 1 file, threshold HIGH</p>"));
        assertTrue(html.contains("<h2 id=\"findings\">Findings</h2>\n<p>No findings.</p>\n"));
        assertTrue(html.contains("<h2 id=\"accepted\">Accepted by the baseline</h2>\n<p>None.</p>\n"));
        assertTrue(html.contains("<h2 id=\"stale\">Stale baseline entries</h2>\n<p>None.</p>\n"));
        assertFalse(html.contains("Thumbnail"), "no thumbnail column without thumbnails");
    }
}
