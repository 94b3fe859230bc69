package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.dicomtools.deid.verify.Finding;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyReport;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static JsonObject sarif(VerifyReport report) {
        return JsonParser.parseString(Fixtures.render(new SarifReportWriter("1.2.3"), report)).getAsJsonObject();
    }

    private static SchemaSubsetChecker checker() throws IOException {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("sarif-2.1.0-subset.schema.json")) {
            return new SchemaSubsetChecker(
                    JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        }
    }

    private static JsonObject run(JsonObject sarif) {
        return sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    @Test
    void fixtureConformsToTheSarifSchemaSubset() throws IOException {
        assertEquals(List.of(), checker().check(sarif(Fixtures.report())));
        assertEquals(List.of(), checker().check(sarif(Fixtures.clean())));
    }

    @Test
    void schemaCheckerRejectsWhatTheSchemaForbids() throws IOException {
        JsonObject bad = sarif(Fixtures.report());
        bad.remove("version");
        JsonObject result = run(bad).getAsJsonArray("results").get(0).getAsJsonObject();
        result.addProperty("level", "fatal");
        result.addProperty("severity", "HIGH");
        result.addProperty("ruleIndex", -2);
        result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation").addProperty("uri", "a b.dcm");
        run(bad).getAsJsonObject("tool").getAsJsonObject("driver").remove("name");
        assertEquals(List.of(
                ": missing required property version",
                "/runs/0/tool/driver: missing required property name",
                "/runs/0/results/0/ruleIndex: -2 is below the minimum -1",
                "/runs/0/results/0/level: \"fatal\" is not one of [\"none\",\"note\",\"warning\",\"error\"]",
                "/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri: not a uri-reference: "
                        + "Illegal character in path at index 1: a b.dcm",
                "/runs/0/results/0/severity: property not allowed"), checker().check(bad));
    }

    @Test
    void headerAndDriverDescribeTheTool() {
        JsonObject sarif = sarif(Fixtures.report());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", sarif.get("$schema").getAsString());
        assertEquals("2.1.0", sarif.get("version").getAsString());
        assertEquals(1, sarif.getAsJsonArray("runs").size());
        JsonObject driver = run(sarif).getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("deid-maven-plugin", driver.get("name").getAsString());
        assertEquals("1.2.3", driver.get("version").getAsString());
        assertEquals("https://github.com/dicomtools/deid-maven-plugin", driver.get("informationUri").getAsString());
        JsonArray rules = driver.getAsJsonArray("rules");
        assertEquals(2, rules.size());
        JsonObject phi = rules.get(0).getAsJsonObject();
        assertEquals("phi-attribute", phi.get("id").getAsString());
        assertEquals("Retained PHI attribute", phi.get("name").getAsString());
        assertEquals("{\"text\":\"Retained PHI attribute\"}", phi.get("shortDescription").toString());
        assertEquals("{\"text\":\"An attribute the profile removes or replaces still holds a real value.\"}",
                phi.get("fullDescription").toString());
        assertEquals(phi.get("fullDescription"), phi.get("help"));
        assertEquals("{\"level\":\"error\"}", phi.get("defaultConfiguration").toString());
        assertEquals("uid-root", rules.get(1).getAsJsonObject().get("id").getAsString());
        assertEquals("{\"level\":\"warning\"}", rules.get(1).getAsJsonObject().get("defaultConfiguration").toString());
    }

    @Test
    void datasetBaseIsRelativeAndNoAbsoluteUriAppears() {
        String text = Fixtures.render(new SarifReportWriter("1.2.3"), Fixtures.report());
        assertFalse(text.contains("file:"));
        assertFalse(run(sarif(Fixtures.report())).has("originalUriBaseIds"), "the checkout is the base");
    }

    @Test
    void resultsCarryRuleLevelLocationAndTagPathInReportOrderThenAccepted() {
        JsonArray results = run(sarif(Fixtures.report())).getAsJsonArray("results");
        List<String> rows = new ArrayList<>();
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            JsonObject location = r.getAsJsonArray("locations").get(0).getAsJsonObject();
            JsonObject artifact = location.getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
            String logical = location.has("logicalLocations")
                    ? location.getAsJsonArray("logicalLocations").get(0).toString() : "-";
            rows.add(r.get("ruleId").getAsString() + " " + r.get("ruleIndex").getAsInt() + " " + r.get("level")
                    .getAsString() + " " + artifact.get("uriBaseId").getAsString() + ":" + artifact.get("uri")
                    .getAsString() + " " + logical + " " + (r.has("suppressions") ? r.get("suppressions") : "-"));
        }
        assertEquals(List.of(
                "uid-root 1 error %SRCROOT%:dataset/ - -",
                "uid-root 1 warning %SRCROOT%:dataset/a/one.dcm {\"fullyQualifiedName\":\"(0008,0018)\",\"kind\":\"element\"} -",
                "phi-attribute 0 error %SRCROOT%:dataset/a/one.dcm {\"fullyQualifiedName\":\"(0010,0010)\",\"kind\":\"element\"} -",
                "phi-attribute 0 warning %SRCROOT%:dataset/b/two.dcm {\"fullyQualifiedName\":\"(0008,0080)\",\"kind\":\"element\"} -",
                "phi-attribute 0 error %SRCROOT%:dataset/b/two.dcm {\"fullyQualifiedName\":\"(0040,A730)[2]/(0040,A160)\","
                        + "\"kind\":\"element\"} -",
                "uid-root 1 note %SRCROOT%:dataset/c/three.dcm {\"fullyQualifiedName\":\"(0020,000D)\",\"kind\":\"element\"} -",
                "phi-attribute 0 error %SRCROOT%:dataset/c/three.dcm {\"fullyQualifiedName\":\"(0010,1000)\",\"kind\":\"element\"} "
                        + "[{\"kind\":\"external\",\"status\":\"accepted\","
                        + "\"justification\":\"accepted by the deid baseline file\"}]"), rows);
    }

    @Test
    void messageCarriesTheHintAndTheTextUnchanged() {
        JsonObject r = run(sarif(Fixtures.report())).getAsJsonArray("results").get(2).getAsJsonObject();
        assertEquals(Fixtures.NASTY + " [hint M***r]", r.getAsJsonObject("message").get("text").getAsString());
    }

    @Test
    void levelIsNoteForInfoErrorAtOrAboveTheThresholdWarningBelow() {
        assertEquals("note", SarifReportWriter.level(Severity.INFO, Severity.INFO));
        assertEquals("warning", SarifReportWriter.level(Severity.LOW, Severity.MEDIUM));
        assertEquals("error", SarifReportWriter.level(Severity.MEDIUM, Severity.MEDIUM));
        assertEquals("error", SarifReportWriter.level(Severity.CRITICAL, Severity.HIGH));
        assertEquals("warning", SarifReportWriter.level(Severity.CRITICAL, Severity.NONE));
    }

    @Test
    void datasetUriIsARelativeReferenceOrNothing() {
        assertEquals("dataset/", SarifReportWriter.datasetUri("dataset"));
        assertEquals("dataset/", SarifReportWriter.datasetUri("dataset/"));
        assertEquals("./", SarifReportWriter.datasetUri("."));
        assertEquals("./", SarifReportWriter.datasetUri(""));
        assertEquals("data%20set/m%C3%BCller/", SarifReportWriter.datasetUri("data set\\m\u00fcller"));
        assertNull(SarifReportWriter.datasetUri("/srv/data"));
        assertNull(SarifReportWriter.datasetUri("C:\\data"));
        assertNull(SarifReportWriter.datasetUri("file:///srv/data"));
    }

    @Test
    void absoluteDatasetIsDescribedNotLocated() throws IOException {
        VerifyReport report = new VerifyReport("/srv/secret/path", List.of(Fixtures.PHI), List.of("a b/\u00fc.dcm"),
                List.of(new Finding("phi-attribute", Severity.HIGH, "a b/\u00fc.dcm", "", "m", "")), List.of(),
                List.of(), Severity.HIGH, Map.of());
        String text = Fixtures.render(new SarifReportWriter("1.2.3"), report);
        assertFalse(text.contains("/srv"));
        JsonObject sarif = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("{\"DATASET\":{\"description\":{\"text\":\"the dataset directory\"}}}",
                run(sarif).get("originalUriBaseIds").toString());
        JsonObject result = run(sarif).getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals(new JsonPrimitive("a%20b/%C3%BC.dcm"), result.getAsJsonArray("locations").get(0)
                .getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri"));
        assertFalse(result.getAsJsonArray("locations").get(0).getAsJsonObject().has("logicalLocations"));
        assertEquals(List.of(), checker().check(sarif));
    }

    @Test
    void unknownRuleIdHasNoRuleIndex() throws IOException {
        VerifyReport report = new VerifyReport("dataset", List.of(Fixtures.PHI), List.of("x.dcm"),
                List.of(new Finding("not-a-rule", Severity.HIGH, "x.dcm", "", "m", "")), List.of(), List.of(),
                Severity.HIGH, Map.of());
        JsonObject sarif = sarif(report);
        JsonObject result = run(sarif).getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("not-a-rule", result.get("ruleId").getAsString());
        assertFalse(result.has("ruleIndex"));
        assertEquals(List.of(), checker().check(sarif));
    }
}
