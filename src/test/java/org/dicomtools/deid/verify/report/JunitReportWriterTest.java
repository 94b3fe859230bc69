package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

    private static byte[] bytes(VerifyReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JunitReportWriter().write(report, out);
        return out.toByteArray();
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return d.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    private static String counts(Element e) {
        return e.getAttribute("tests") + "/" + e.getAttribute("failures") + "/" + e.getAttribute("errors") + "/"
                + e.getAttribute("skipped");
    }

    /** {@code passed}, {@code failure} or {@code skipped}, from the elements actually present. */
    private static String outcome(Element testcase) {
        boolean failure = !children(testcase, "failure").isEmpty();
        boolean skipped = !children(testcase, "skipped").isEmpty();
        assertFalse(failure && skipped, "a test case is either failed or skipped");
        return failure ? "failure" : skipped ? "skipped" : "passed";
    }

    @Test
    void declaresUtf8AndIsWellFormed() throws Exception {
        byte[] xml = bytes(Fixtures.report());
        assertTrue(new String(xml, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        assertEquals("testsuites", parse(xml).getTagName());
    }

    @Test
    void oneSuitePerFileWithTheDatasetFirstAndCorrectCounts() throws Exception {
        Element root = parse(bytes(Fixtures.report()));
        Map<String, String> suites = new LinkedHashMap<>();
        for (Element suite : children(root, "testsuite")) {
            suites.put(suite.getAttribute("name"), counts(suite));
        }
        assertEquals(Map.of("(dataset)", "1/1/0/0", "a/one.dcm", "2/1/0/1", "b/two.dcm", "2/1/0/0", "c/three.dcm",
                "2/0/0/2", "d/four.dcm", "2/0/0/0"), suites);
        assertEquals(List.of("(dataset)", "a/one.dcm", "b/two.dcm", "c/three.dcm", "d/four.dcm"),
                List.copyOf(suites.keySet()));
        assertEquals("9/3/0/3", counts(root));
    }

    @Test
    void countAttributesMatchTheTestCasesPresent() throws Exception {
        Element root = parse(bytes(Fixtures.report()));
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Element suite : children(root, "testsuite")) {
            List<Element> cases = children(suite, "testcase");
            long f = cases.stream().filter(c -> outcome(c).equals("failure")).count();
            long s = cases.stream().filter(c -> outcome(c).equals("skipped")).count();
            assertEquals(cases.size() + "/" + f + "/0/" + s, counts(suite), suite.getAttribute("name"));
            tests += cases.size();
            failures += (int) f;
            skipped += (int) s;
        }
        assertEquals(tests + "/" + failures + "/0/" + skipped, counts(root));
    }

    @Test
    void failuresAtOrAboveThresholdSkipsBelowItOrAccepted() throws Exception {
        Element root = parse(bytes(Fixtures.report()));
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Element suite : children(root, "testsuite")) {
            for (Element c : children(suite, "testcase")) {
                assertEquals(suite.getAttribute("name"), c.getAttribute("classname"));
                assertEquals("0", c.getAttribute("time"));
                outcomes.put(c.getAttribute("classname") + " " + c.getAttribute("name"), outcome(c));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("(dataset) uid-root", "failure");
        expected.put("a/one.dcm phi-attribute", "failure");
        expected.put("a/one.dcm uid-root", "skipped");
        expected.put("b/two.dcm phi-attribute", "failure");
        expected.put("b/two.dcm uid-root", "passed");
        expected.put("c/three.dcm phi-attribute", "skipped");
        expected.put("c/three.dcm uid-root", "skipped");
        expected.put("d/four.dcm phi-attribute", "passed");
        expected.put("d/four.dcm uid-root", "passed");
        assertEquals(expected, outcomes);
    }

    private static Element testcase(Element root, String suite, String rule) {
        for (Element s : children(root, "testsuite")) {
            for (Element c : children(s, "testcase")) {
                if (s.getAttribute("name").equals(suite) && c.getAttribute("name").equals(rule)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no test case " + suite + " " + rule);
    }

    @Test
    void failureNamesTheRuleAndListsEachFindingEscapedWithoutIllegalCharacters() throws Exception {
        byte[] xml = bytes(Fixtures.report());
        for (byte b : xml) {
            assertTrue(b != 0x01, "U+0001 is not allowed in XML 1.0 and must be dropped");
        }
        Element failure = children(testcase(parse(xml), "a/one.dcm", "phi-attribute"), "failure").get(0);
        String expected = "(0010,0010): PatientName survives <&\"'> in M\u00fcller \u5c71\u7530 \ud83d\ude00 end"
                + " [hint M***r]";
        assertEquals("phi-attribute", failure.getAttribute("type"));
        assertEquals(expected, failure.getAttribute("message"));
        assertEquals("[HIGH] " + expected, failure.getTextContent());
    }

    @Test
    void belowThresholdFindingsOfAFailingRuleGoToSystemOut() throws Exception {
        Element c = testcase(parse(bytes(Fixtures.report())), "b/two.dcm", "phi-attribute");
        Element failure = children(c, "failure").get(0);
        assertEquals("(0040,A730)[2]/(0040,A160): TextValue holds a date [hint 20**-**-**]",
                failure.getAttribute("message"));
        assertEquals("[CRITICAL] (0040,A730)[2]/(0040,A160): TextValue holds a date [hint 20**-**-**]",
                failure.getTextContent());
        assertEquals("[LOW, below threshold] (0008,0080): InstitutionName kept",
                children(c, "system-out").get(0).getTextContent());
    }

    @Test
    void skippedSaysWhyAndListsTheFindings() throws Exception {
        Element root = parse(bytes(Fixtures.report()));
        Element below = children(testcase(root, "a/one.dcm", "uid-root"), "skipped").get(0);
        assertEquals("1 finding below the threshold HIGH", below.getAttribute("message"));
        assertEquals("[MEDIUM, below threshold] (0008,0018): SOPInstanceUID is not under 2.25 [hint 1.2.840.***]",
                below.getTextContent());
        Element accepted = children(testcase(root, "c/three.dcm", "phi-attribute"), "skipped").get(0);
        assertEquals("1 accepted by the baseline", accepted.getAttribute("message"));
        assertEquals("[HIGH, accepted] (0010,1000): OtherPatientIDs kept [hint X**]", accepted.getTextContent());
    }

    @Test
    void severalFailingFindingsAreCountedInTheMessage() throws Exception {
        VerifyReport report = new VerifyReport("dataset", List.of(Fixtures.PHI), List.of("x.dcm"), List.of(
                new Finding("phi-attribute", Severity.HIGH, "x.dcm", "(0010,0010)", "one", ""),
                new Finding("phi-attribute", Severity.HIGH, "x.dcm", "(0010,0030)", "two", ""),
                new Finding("phi-attribute", Severity.LOW, "x.dcm", "(0010,0040)", "three", "")),
                List.of(), List.of(), Severity.HIGH, Map.of());
        Element failure = children(testcase(parse(bytes(report)), "x.dcm", "phi-attribute"), "failure").get(0);
        assertEquals("(0010,0010): one (+1 more)", failure.getAttribute("message"));
        assertEquals("[HIGH] (0010,0010): one\n[HIGH] (0010,0030): two", failure.getTextContent());
    }

    @Test
    void tabsLineBreaksAndSurrogatesInAttributesSurviveOrAreDropped() throws Exception {
        String message = "line one\nline\ttwo\r\nend \ud800 lone";
        VerifyReport report = new VerifyReport("dataset", List.of(Fixtures.PHI), List.of("x.dcm"),
                List.of(new Finding("phi-attribute", Severity.HIGH, "x.dcm", "", message, "")), List.of(), List.of(),
                Severity.HIGH, Map.of());
        Element failure = children(testcase(parse(bytes(report)), "x.dcm", "phi-attribute"), "failure").get(0);
        assertEquals("line one\nline\ttwo\r\nend  lone", failure.getAttribute("message"));
        assertEquals("[HIGH] line one\nline\ttwo\r\nend  lone", failure.getTextContent());
    }

    @Test
    void cleanFileIsASuiteOfPassedTests() throws Exception {
        String xml = new String(bytes(Fixtures.clean()), StandardCharsets.UTF_8);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="deid:verify" tests="2" failures="0" errors="0" skipped="0" time="0">
                  <testsuite name="a/one.dcm" tests="2" failures="0" errors="0" skipped="0" time="0">
                    <testcase classname="a/one.dcm" name="phi-attribute" time="0"/>
                    <testcase classname="a/one.dcm" name="uid-root" time="0"/>
                  </testsuite>
                </testsuites>
                """, xml);
    }

    @Test
    void findingInAFileMissingFromTheCheckedListStillGetsASuite() throws Exception {
        VerifyReport report = new VerifyReport("dataset", List.of(Fixtures.PHI), List.of(),
                List.of(new Finding("phi-attribute", Severity.HIGH, "ghost.dcm", "", "m", "")), List.of(), List.of(),
                Severity.HIGH, Map.of());
        Element root = parse(bytes(report));
        assertEquals("failure", outcome(testcase(root, "ghost.dcm", "phi-attribute")));
        assertEquals("1/1/0/0", counts(root));
    }
}
