package org.dicomtools.deid.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;

/**
 * The shipped profiles: the generated basic profile checked row by row against copies of PS3.15
 * Tables E.1-1 and E.3.10-1, and exact decisions of basic, research and safe-harbor for a dozen
 * attributes under several option combinations.
 */
class BuiltinProfilesTest {
    /** Rows of PS3.15 Table E.1-1 (2024b) in confidentiality-profile.tsv. */
    private static final int TABLE_ROWS = 621;
    /** Rows of PS3.15 Table E.3.10-1 (2020) in safe-private-attributes.tsv. */
    private static final int SAFE_PRIVATE_ROWS = 130;
    /** Option columns of confidentiality-profile.tsv, in column order (columns 7 to 16). */
    private static final List<Option> OPTION_COLUMNS = List.of(Option.RETAIN_SAFE_PRIVATE, Option.RETAIN_UIDS,
            Option.RETAIN_DEVICE_IDENTITY, Option.RETAIN_INSTITUTION_IDENTITY, Option.RETAIN_PATIENT_CHARACTERISTICS,
            Option.RETAIN_LONG_FULL_DATES, Option.RETAIN_LONG_MODIFIED_DATES, Option.CLEAN_DESCRIPTORS,
            Option.CLEAN_STRUCTURED_CONTENT, Option.CLEAN_GRAPHICS);

    private static final int STUDY_DATE = 0x00080020;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int PATIENT_AGE = 0x00101010;
    private static final int PATIENT_SEX = 0x00100040;
    private static final int ACCESSION_NUMBER = 0x00080050;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int INSTITUTION_NAME = 0x00080080;
    private static final int DEVICE_SERIAL_NUMBER = 0x00181000;
    private static final int STUDY_DESCRIPTION = 0x00081030;
    private static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
    private static final int ROWS = 0x00280010;
    /** (0043,1027) Scan Pitch Ratio of GEMS_PARM_01, a safe private attribute. */
    private static final int GE_SCAN_PITCH = 0x00431027;

    private static List<String[]> tsv(String name) throws IOException {
        try (InputStream in = BuiltinProfilesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                rows.add(lines[i].split("\t", -1));
            }
            return rows;
        }
    }

    /** A concrete tag for a table tag such as {@code 50xxxxxx}: the wildcards become 0. */
    private static int tagOf(String hex) {
        return (int) Long.parseLong(hex.replace('x', '0'), 16);
    }

    private static Decision decide(Profile p, int tag, VR vr) {
        return p.decide(tag, vr, null, false, null);
    }

    private static ActionCode action(Profile p, int tag, VR vr) {
        return decide(p, tag, vr).action().code();
    }

    private static ActionCode ge(Profile p) {
        return p.decide(GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false, null).action().code();
    }

    private static Profile with(Profile p, Option... options) {
        return p.withOptions(List.of(options));
    }

    // ----- basic against its sources -----

    @Test
    void basicHasOneRulePerTableRowAndSafePrivateAttributePlusThreeGeneralRules() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        assertEquals(TABLE_ROWS + SAFE_PRIVATE_ROWS + 3, basic.rules().size());
        long tagRules = basic.rules().stream().filter(r -> r.selector() instanceof Selector.ExactTag
                || r.selector() instanceof Selector.TagMask).count();
        long creatorRules = basic.rules().stream().filter(r -> r.selector() instanceof Selector.CreatorElement).count();
        assertEquals(TABLE_ROWS - 1, tagRules);
        assertEquals(SAFE_PRIVATE_ROWS, creatorRules);
        List<String> general = basic.rules().stream().filter(r -> !(r.selector() instanceof Selector.ExactTag
                || r.selector() instanceof Selector.TagMask || r.selector() instanceof Selector.CreatorElement))
                .map(Rule::toString).toList();
        assertEquals(List.of("private X", "private-creator X", "unknown-creator X", "* K"), general);
    }

    @Test
    void basicFollowsEveryCellOfTableE11() throws IOException, ProfileException {
        Profile basic = Profile.builtin("basic");
        List<String[]> rows = tsv("confidentiality-profile.tsv");
        assertEquals(TABLE_ROWS, rows.size());
        List<Profile> withOne = new ArrayList<>();
        for (Option o : OPTION_COLUMNS) {
            withOne.add(with(basic, o));
        }
        int checked = 0;
        for (String[] row : rows) {
            if (row[0].equals("ggggeeee")) {
                assertEquals("X", basic.decide(0x00091010, VR.UN, "ANY", false, null).declared());
                continue;
            }
            int tag = tagOf(row[0]);
            Decision d = decide(basic, tag, null);
            assertEquals(row[5], d.declared(), row[0] + " " + row[1]);
            assertEquals(ActionCode.ofToken(row[5]).resolved(), d.action().code(), row[0]);
            assertNull(d.option(), row[0]);
            for (int c = 0; c < OPTION_COLUMNS.size(); c++) {
                String cell = row[6 + c];
                Decision withOption = decide(withOne.get(c), tag, null);
                if (cell.isEmpty()) {
                    assertNull(withOption.option(), row[0] + " " + OPTION_COLUMNS.get(c));
                    assertEquals(row[5], withOption.declared());
                } else {
                    assertEquals(OPTION_COLUMNS.get(c), withOption.option(), row[0]);
                    assertEquals(cell, withOption.declared(), row[0] + " " + OPTION_COLUMNS.get(c));
                }
            }
            checked++;
        }
        assertEquals(TABLE_ROWS - 1, checked);
    }

    @Test
    void basicKeepsEverySafePrivateAttributeOnlyWithTheOption() throws IOException, ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile safe = with(basic, Option.RETAIN_SAFE_PRIVATE);
        List<String[]> rows = tsv("safe-private-attributes.tsv");
        assertEquals(SAFE_PRIVATE_ROWS, rows.size());
        Set<String> kept = new HashSet<>();
        for (String[] row : rows) {
            int group = Integer.parseInt(row[1], 16);
            int offset = Integer.parseInt(row[2].substring(2), 16);
            int tag = group << 16 | 0x1000 | offset;
            assertEquals(ActionCode.X, basic.decide(tag, VR.UN, row[0], false, null).action().code(), row[0] + row[3]);
            Decision d = safe.decide(tag | 0x0500, VR.UN, row[0] + " ", false, null);
            assertEquals(ActionCode.K, d.action().code(), row[0] + row[3]);
            assertEquals(Option.RETAIN_SAFE_PRIVATE, d.option());
            assertEquals(ActionCode.X, safe.decide(tag, VR.UN, row[0] + "X", false, null).action().code());
            kept.add(row[0] + "|" + row[3]);
        }
        assertEquals(0, basic.safePrivate().size());
        assertEquals(SAFE_PRIVATE_ROWS, safe.safePrivate().size());
        Set<String> listed = new HashSet<>();
        for (SafePrivate s : safe.safePrivate()) {
            listed.add(s.creator() + "|" + String.format("%04Xxx%02X", s.group(), s.offset()));
        }
        assertEquals(kept, listed);
    }

    @Test
    void basicDescribesItself() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        assertEquals("basic", basic.name());
        assertEquals("PS3.15 2024b Table E.1-1; PS3.15 2020 Table E.3.10-1", basic.standard());
        assertEquals("DICOM PS3.15 Basic Application Level Confidentiality Profile, every option a switch",
                basic.description());
        assertEquals(Set.of(), basic.options());
        assertEquals(Map.of(), basic.settings());
        assertEquals(List.of("builtin:basic"), basic.sources());
        assertEquals(64, basic.contentHash().length());
    }

    // ----- exact decisions -----

    @Test
    void studyDateUnderBasicAndTheDateOptions() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        assertEquals(ActionCode.Z, action(basic, STUDY_DATE, VR.DA));
        assertEquals(ActionCode.K, action(with(basic, Option.RETAIN_LONG_FULL_DATES), STUDY_DATE, VR.DA));
        assertEquals(ActionCode.C, action(with(basic, Option.RETAIN_LONG_MODIFIED_DATES), STUDY_DATE, VR.DA));
        assertEquals(ActionCode.C, action(with(basic, Option.RETAIN_LONG_FULL_DATES, Option.RETAIN_LONG_MODIFIED_DATES),
                STUDY_DATE, VR.DA));
        assertEquals(ActionCode.C, action(Profile.builtin("research"), STUDY_DATE, VR.DA));
        assertEquals(ActionCode.YEAR, action(Profile.builtin("safe-harbor"), STUDY_DATE, VR.DA));
        assertEquals(ActionCode.YEAR, action(with(Profile.builtin("safe-harbor"), Option.RETAIN_LONG_FULL_DATES),
                STUDY_DATE, VR.DA));
    }

    @Test
    void patientNameAndIdUnderEachProfile() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile research = Profile.builtin("research");
        Profile safeHarbor = Profile.builtin("safe-harbor");
        assertEquals(ActionCode.Z, action(basic, PATIENT_NAME, VR.PN));
        assertEquals(new Action(ActionCode.REPLACE, "{pseudonym:PatientID}"), decide(research, PATIENT_NAME, VR.PN).action());
        assertEquals(ActionCode.Z, action(safeHarbor, PATIENT_NAME, VR.PN));
        Decision id = decide(basic, PATIENT_ID, VR.LO);
        assertEquals(ActionCode.D, id.action().code());
        assertEquals("Z/D", id.declared());
        assertEquals(ActionCode.HASH, action(research, PATIENT_ID, VR.LO));
        assertEquals(ActionCode.D, action(safeHarbor, PATIENT_ID, VR.LO));
        assertEquals(ActionCode.Z, action(basic, ACCESSION_NUMBER, VR.SH));
        assertEquals(ActionCode.HASH, action(research, ACCESSION_NUMBER, VR.SH));
    }

    @Test
    void safePrivateGeElementNeedsTheOption() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        assertEquals(ActionCode.X, ge(basic));
        assertEquals(ActionCode.K, ge(with(basic, Option.RETAIN_SAFE_PRIVATE)));
        assertEquals(ActionCode.K, ge(Profile.builtin("research")));
        assertEquals(ActionCode.X, ge(Profile.builtin("safe-harbor")));
        assertEquals(ActionCode.X, Profile.builtin("research").decide(0x00431028, VR.UN, "GEMS_PARM_01", false, null)
                .action().code());
    }

    @Test
    void curveOverlayAndPrivateRulesUnderBasic() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile graphics = with(basic, Option.CLEAN_GRAPHICS);
        assertEquals(ActionCode.X, action(basic, 0x50003000, VR.OW));
        assertEquals(ActionCode.X, action(basic, 0x501E0005, VR.US));
        assertEquals(ActionCode.C, action(graphics, 0x50023000, VR.OW));
        assertEquals(ActionCode.X, action(basic, 0x60003000, VR.OW));
        assertEquals(ActionCode.C, action(graphics, 0x60023000, VR.OW));
        assertEquals(ActionCode.X, action(graphics, 0x60010010, VR.LO));
        assertEquals(ActionCode.X, basic.decide(0x00291010, VR.OB, "SIEMENS CSA HEADER", false, null).action().code());
        assertEquals("unknown-creator", basic.decide(0x00291010, VR.OB, null, true, null).rule().selector().toString());
        assertEquals("private-creator", decide(basic, 0x00290010, VR.LO).rule().selector().toString());
    }

    @Test
    void uidsDevicesAndInstitutionsUnderOptions() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile safeHarbor = Profile.builtin("safe-harbor");
        assertEquals(ActionCode.U, action(basic, SOP_INSTANCE_UID, VR.UI));
        assertEquals(ActionCode.K, action(with(basic, Option.RETAIN_UIDS), SOP_INSTANCE_UID, VR.UI));
        assertEquals(ActionCode.U, action(with(safeHarbor, Option.RETAIN_UIDS), SOP_INSTANCE_UID, VR.UI));
        Decision refs = decide(basic, REFERENCED_IMAGE_SEQUENCE, VR.SQ);
        assertEquals(ActionCode.U, refs.action().code());
        assertEquals("X/Z/U*", refs.declared());
        assertEquals(ActionCode.D, action(basic, INSTITUTION_NAME, VR.LO));
        assertEquals(ActionCode.K, action(with(basic, Option.RETAIN_INSTITUTION_IDENTITY), INSTITUTION_NAME, VR.LO));
        assertEquals(ActionCode.D, action(with(safeHarbor, Option.RETAIN_INSTITUTION_IDENTITY), INSTITUTION_NAME, VR.LO));
        assertEquals(ActionCode.D, action(basic, DEVICE_SERIAL_NUMBER, VR.LO));
        assertEquals(ActionCode.K, action(with(basic, Option.RETAIN_DEVICE_IDENTITY), DEVICE_SERIAL_NUMBER, VR.LO));
        assertEquals(ActionCode.D, action(with(safeHarbor, Option.RETAIN_DEVICE_IDENTITY), DEVICE_SERIAL_NUMBER, VR.LO));
        assertEquals(ActionCode.C, action(with(basic, Option.RETAIN_DEVICE_IDENTITY), 0x00080055, VR.AE));
        assertEquals(ActionCode.X, action(with(safeHarbor, Option.RETAIN_DEVICE_IDENTITY), 0x00080055, VR.AE));
    }

    @Test
    void patientCharacteristicsAndDescriptors() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile research = Profile.builtin("research");
        assertEquals(ActionCode.X, action(basic, PATIENT_AGE, VR.AS));
        assertEquals(ActionCode.K, action(with(basic, Option.RETAIN_PATIENT_CHARACTERISTICS), PATIENT_AGE, VR.AS));
        Decision age = decide(research, PATIENT_AGE, VR.AS);
        assertEquals(ActionCode.CAP_AGE, age.action().code());
        assertEquals(Option.RETAIN_PATIENT_CHARACTERISTICS, age.option());
        assertEquals(ActionCode.CAP_AGE, action(Profile.builtin("safe-harbor"), PATIENT_AGE, VR.AS));
        assertEquals(ActionCode.Z, action(basic, PATIENT_SEX, VR.CS));
        assertEquals(ActionCode.K, action(research, PATIENT_SEX, VR.CS));
        assertEquals(ActionCode.X, action(basic, STUDY_DESCRIPTION, VR.LO));
        assertEquals(ActionCode.C, action(research, STUDY_DESCRIPTION, VR.LO));
    }

    @Test
    void unlistedAttributesAreKeptByARule() throws ProfileException {
        Decision rows = decide(Profile.builtin("basic"), ROWS, VR.US);
        assertEquals(ActionCode.K, rows.action().code());
        assertEquals("*", rows.rule().selector().toString());
        assertEquals("builtin:basic", rows.rule().source());
    }

    // ----- research and safe-harbor as files -----

    @Test
    void researchDescribesItsOptionsAndPseudonyms() throws ProfileException {
        Profile research = Profile.builtin("research");
        assertEquals("research", research.name());
        assertEquals(EnumSet.of(Option.RETAIN_SAFE_PRIVATE, Option.RETAIN_PATIENT_CHARACTERISTICS,
                Option.RETAIN_LONG_MODIFIED_DATES, Option.CLEAN_DESCRIPTORS), research.options());
        assertEquals(Map.of("pseudonym.PatientID", "PAT{hash:12}", "pseudonym.AccessionNumber", "ACC{hash:12}"),
                research.settings());
        assertEquals(List.of("builtin:basic", "builtin:research"), research.sources());
        assertEquals(SAFE_PRIVATE_ROWS, research.safePrivate().size());
    }

    @Test
    void safeHarborReducesDatesRemovesLocatorsAndIdentifiers() throws ProfileException {
        Profile sh = Profile.builtin("safe-harbor");
        assertEquals(Set.of(), sh.options());
        assertEquals(ActionCode.YEAR, action(sh, 0x00141020, VR.DA));
        assertEquals(ActionCode.YEAR, action(sh, 0x00080416, VR.DT));
        assertEquals(ActionCode.YEAR, action(sh, 0x00080021, VR.DA));
        assertEquals(ActionCode.X, action(with(sh, Option.RETAIN_LONG_FULL_DATES), 0x00380020, VR.DA));
        assertEquals(ActionCode.CAP_AGE, action(sh, 0x00100030, VR.DA));
        assertEquals(ActionCode.X, action(sh, 0x00100033, VR.LO));
        assertEquals(ActionCode.D, action(sh, 0x00142006, VR.PN));
        assertEquals(ActionCode.X, action(sh, 0x00081190, VR.UR));
        assertEquals(ActionCode.X, action(sh, 0x00181003, VR.LO));
        assertEquals(ActionCode.X, action(sh, 0x00020016, VR.AE));
        assertEquals(ActionCode.X, action(sh, 0x00101040, VR.LO));
        assertEquals(ActionCode.X, action(with(sh, Option.RETAIN_INSTITUTION_IDENTITY), 0x00080081, VR.ST));
        assertEquals(ActionCode.K, action(sh, ROWS, VR.US));
    }

    @Test
    void handWrittenProfilesNeverRepeatASelector() throws IOException, ProfileException {
        for (String name : List.of("research", "safe-harbor", "basic")) {
            String text;
            try (InputStream in = Profile.class.getResourceAsStream("builtin/" + name + ".profile")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ProfileParser.ParsedFile f = ProfileParser.parseFile(text, name);
            Set<Selector> seen = new HashSet<>();
            for (Rule r : f.rules()) {
                assertTrue(seen.add(r.selector()), name + ":" + r.line() + " repeats " + r.selector());
            }
        }
    }
}
