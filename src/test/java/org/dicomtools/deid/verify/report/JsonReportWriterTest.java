package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    @Test
    void writesTheFixtureExactly() {
        String expected = """
                {
                  "tool": {
                    "name": "deid-maven-plugin",
                    "version": "1.2.3"
                  },
                  "dataset": "dataset",
                  "failOn": "HIGH",
                  "summary": {
                    "files": 4,
                    "filesWithFindings": 3,
                    "findings": 6,
                    "failing": 3,
                    "accepted": 1,
                    "staleBaseline": 1,
                    "bySeverity": {
                      "CRITICAL": 1,
                      "HIGH": 2,
                      "MEDIUM": 1,
                      "LOW": 1,
                      "INFO": 1
                    },
                    "byRule": {
                      "phi-attribute": 3,
                      "uid-root": 3
                    }
                  },
                  "rules": [
                    {
                      "id": "phi-attribute",
                      "name": "Retained PHI attribute",
                      "severity": "HIGH",
                      "help": "An attribute the profile removes or replaces still holds a real value."
                    },
                    {
                      "id": "uid-root",
                      "name": "UID outside the de-identification root",
                      "severity": "MEDIUM",
                      "help": "Instance UIDs must lie under 2.25 or the configured root."
                    }
                  ],
                  "findings": [
                    {
                      "ruleId": "uid-root",
                      "severity": "HIGH",
                      "file": "",
                      "tagPath": "",
                      "message": "Referenced UID exists in no file",
                      "hint": ""
                    },
                    {
                      "ruleId": "uid-root",
                      "severity": "MEDIUM",
                      "file": "a/one.dcm",
                      "tagPath": "(0008,0018)",
                      "message": "SOPInstanceUID is not under 2.25",
                      "hint": "1.2.840.***"
                    },
                    {
                      "ruleId": "phi-attribute",
                      "severity": "HIGH",
                      "file": "a/one.dcm",
                      "tagPath": "(0010,0010)",
                      "message": "PatientName survives <&\\"'> in M\u00fcller \u5c71\u7530 \ud83d\ude00 \\u0001end",
                      "hint": "M***r"
                    },
                    {
                      "ruleId": "phi-attribute",
                      "severity": "LOW",
                      "file": "b/two.dcm",
                      "tagPath": "(0008,0080)",
                      "message": "InstitutionName kept",
                      "hint": ""
                    },
                    {
                      "ruleId": "phi-attribute",
                      "severity": "CRITICAL",
                      "file": "b/two.dcm",
                      "tagPath": "(0040,A730)[2]/(0040,A160)",
                      "message": "TextValue holds a date",
                      "hint": "20**-**-**"
                    },
                    {
                      "ruleId": "uid-root",
                      "severity": "INFO",
                      "file": "c/three.dcm",
                      "tagPath": "(0020,000D)",
                      "message": "StudyInstanceUID uses a registered root",
                      "hint": ""
                    }
                  ],
                  "accepted": [
                    {
                      "ruleId": "phi-attribute",
                      "severity": "HIGH",
                      "file": "c/three.dcm",
                      "tagPath": "(0010,1000)",
                      "message": "OtherPatientIDs kept",
                      "hint": "X**"
                    }
                  ],
                  "staleBaseline": [
                    "phi-attribute c/gone.dcm (0010,0020)"
                  ]
                }
                """;
        assertEquals(expected, Fixtures.render(new JsonReportWriter("1.2.3"), Fixtures.report()));
    }

    @Test
    void messageRoundTripsThroughAJsonParser() {
        JsonObject json = JsonParser.parseString(Fixtures.render(new JsonReportWriter("1.2.3"), Fixtures.report()))
                .getAsJsonObject();
        assertEquals(Fixtures.NASTY,
                json.getAsJsonArray("findings").get(2).getAsJsonObject().get("message").getAsString());
    }

    @Test
    void cleanReportHasZeroCountsAndEmptyArrays() {
        JsonObject json = JsonParser.parseString(Fixtures.render(new JsonReportWriter("1.2.3"), Fixtures.clean()))
                .getAsJsonObject();
        assertEquals("{\"files\":1,\"filesWithFindings\":0,\"findings\":0,\"failing\":0,\"accepted\":0,"
                + "\"staleBaseline\":0,\"bySeverity\":{\"CRITICAL\":0,\"HIGH\":0,\"MEDIUM\":0,\"LOW\":0,\"INFO\":0},"
                + "\"byRule\":{\"phi-attribute\":0,\"uid-root\":0}}", json.get("summary").toString());
        assertEquals("[]", json.get("findings").toString());
        assertEquals("[]", json.get("accepted").toString());
        assertEquals("[]", json.get("staleBaseline").toString());
    }

    @Test
    void defaultWriterStatesThePluginVersionFromTheBuild() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/dicomtools/deid/version.properties")) {
            assertNotNull(in, "the build must provide version.properties");
            p.load(in);
        }
        String version = p.getProperty("version");
        assertFalse(version.contains("${"), "version.properties must be filtered: " + version);
        JsonObject json = JsonParser.parseString(Fixtures.render(ReportFormat.JSON.writer(), Fixtures.report()))
                .getAsJsonObject();
        assertEquals(version, json.getAsJsonObject("tool").get("version").getAsString());
    }
}
