package org.dicomtools.deid.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a profile decides: specificity, replacement, conditions, options, extends and the pom's additions. */
class ProfileTest {
    private static final int PATIENT_NAME = 0x00100010;
    private static final int STUDY_DATE = 0x00080020;
    private static final int MODALITY = 0x00080060;
    /** (0043,1027) in the block that (0043,0010) reserves. */
    private static final int GE_SCAN_PITCH = 0x00431027;

    @TempDir
    Path dir;

    private static Profile profile(String... lines) throws ProfileException {
        return Profile.parse("profile t\n" + String.join("\n", lines) + "\n", "t.profile");
    }

    private static Decision decide(Profile p, int tag, VR vr) {
        return p.decide(tag, vr, null, false, null);
    }

    private static Decision decidePrivate(Profile p, int tag, String creator) {
        return p.decide(tag, VR.SH, creator, creator == null, null);
    }

    /** The line (1-based, the profile directive being line 1) of the rule that decided. */
    private static int line(Decision d) {
        return d.rule() == null ? 0 : d.rule().line();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    // ----- specificity: the higher-ranked selector wins in either order -----

    /** Asserts that the rule {@code winner} beats {@code loser} for the element, whichever comes first. */
    private static void assertBeats(String winner, String loser, int tag, VR vr, String creator, boolean missing)
            throws ProfileException {
        Profile first = profile(winner, loser);
        Profile last = profile(loser, winner);
        assertEquals(2, line(first.decide(tag, vr, creator, missing, null)), winner + " written first");
        assertEquals(3, line(last.decide(tag, vr, creator, missing, null)), winner + " written last");
    }

    @Test
    void creatorElementBeatsExactTag() throws ProfileException {
        assertBeats("\"GEMS_PARM_01\" (0043,xx27) K", "(0043,1027) X", GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false);
    }

    @Test
    void exactTagBeatsCreatorBlock() throws ProfileException {
        assertBeats("(0043,1027) K", "\"GEMS_PARM_01\" (0043,xxxx) X", GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false);
    }

    @Test
    void creatorBlockBeatsMask() throws ProfileException {
        assertBeats("\"GEMS_PARM_01\" (0043,xxxx) K", "(0043,xxxx) X", GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false);
    }

    @Test
    void maskWithMoreFixedDigitsBeatsMaskWithFewer() throws ProfileException {
        assertBeats("(60xx,3000) K", "(60xx,xxxx) X", 0x60023000, VR.OW, null, false);
        assertBeats("(0020,31xx) K", "(0020,3xxx) X", 0x00203105, VR.LO, null, false);
    }

    @Test
    void maskBeatsUnknownCreator() throws ProfileException {
        assertBeats("(0029,xxxx) K", "unknown-creator X", 0x00291010, VR.OB, null, true);
    }

    @Test
    void unknownCreatorBeatsPrivate() throws ProfileException {
        assertBeats("unknown-creator X", "private K", 0x00291010, VR.OB, null, true);
    }

    @Test
    void privateBeatsVr() throws ProfileException {
        assertBeats("private X", "vr:SH K", GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false);
    }

    @Test
    void privateCreatorBeatsVr() throws ProfileException {
        assertBeats("private-creator X", "vr:LO K", 0x00430010, VR.LO, null, false);
    }

    @Test
    void vrBeatsAny() throws ProfileException {
        assertBeats("vr:PN D", "* K", PATIENT_NAME, VR.PN, null, false);
    }

    @Test
    void exactTagBeatsMask() throws ProfileException {
        assertBeats("(6000,3000) K", "(60xx,3000) X", 0x60003000, VR.OW, null, false);
    }

    @Test
    void exactTagBeatsVrAndAny() throws ProfileException {
        assertBeats("PatientName Z", "vr:PN D", PATIENT_NAME, VR.PN, null, false);
        assertBeats("PatientName Z", "* K", PATIENT_NAME, VR.PN, null, false);
    }

    @Test
    void creatorElementBeatsPrivate() throws ProfileException {
        assertBeats("\"GEMS_PARM_01\" (0043,xx27) K", "private X", GE_SCAN_PITCH, VR.SH, "GEMS_PARM_01", false);
    }

    @Test
    void betweenEquallySpecificMasksTheLaterRuleWins() throws ProfileException {
        Profile p = profile("(60xx,xx00) X", "(600x,3xxx) K");
        assertEquals(3, line(decide(p, 0x60003000, VR.OW)));
        p = profile("(600x,3xxx) K", "(60xx,xx00) X");
        assertEquals(3, line(decide(p, 0x60003000, VR.OW)));
    }

    // ----- which elements each selector matches -----

    @Test
    void maskWithWildcardGroupMatchesEvenGroupsOnly() throws ProfileException {
        Profile p = profile("(60xx,3000) C", "* K");
        assertEquals(ActionCode.C, decide(p, 0x60003000, VR.OW).action().code());
        assertEquals(ActionCode.C, decide(p, 0x601E3000, VR.OW).action().code());
        assertEquals(ActionCode.K, decide(p, 0x60013000, VR.OW).action().code());
        assertEquals(ActionCode.K, decide(p, 0x60003001, VR.OW).action().code());
    }

    @Test
    void maskWithFixedOddGroupMatchesThatPrivateGroup() throws ProfileException {
        Profile p = profile("(0029,xxxx) X", "* K");
        assertEquals(ActionCode.X, decidePrivate(p, 0x00291010, "SIEMENS CSA HEADER").action().code());
        assertEquals(ActionCode.X, decide(p, 0x00290010, VR.LO).action().code());
        assertEquals(ActionCode.K, decidePrivate(p, 0x00311010, "SIEMENS CSA HEADER").action().code());
    }

    @Test
    void privateSelectsEveryElementOfPrivateGroupsButCreators() throws ProfileException {
        Profile p = profile("private X", "* K");
        assertEquals(ActionCode.X, decidePrivate(p, 0x00291010, "ANY").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x0029FFFF, "ANY").action().code());
        assertEquals(ActionCode.X, decide(p, 0x00290001, VR.UN).action().code());
        assertEquals(ActionCode.X, decide(p, 0x00290100, VR.UN).action().code());
        assertEquals(ActionCode.X, decide(p, 0x00290FFF, VR.UN).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00290010, VR.LO).action().code());
        assertEquals(ActionCode.K, decide(p, 0x002900FF, VR.LO).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00281010, VR.US).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00071010, VR.UN).action().code());
    }

    @Test
    void privateCreatorSelectsCreatorElementsOnly() throws ProfileException {
        Profile p = profile("private-creator X", "* K");
        assertEquals(ActionCode.X, decide(p, 0x00290010, VR.LO).action().code());
        assertEquals(ActionCode.X, decide(p, 0x002900FF, VR.LO).action().code());
        assertEquals(ActionCode.K, decidePrivate(p, 0x00291010, "ANY").action().code());
        assertEquals(ActionCode.K, decide(p, 0x00280010, VR.US).action().code());
    }

    @Test
    void unknownCreatorSelectsPrivateElementsWithoutCreator() throws ProfileException {
        Profile p = profile("unknown-creator X", "private K");
        assertEquals(ActionCode.X, p.decide(0x00291010, VR.UN, null, true, null).action().code());
        assertEquals(ActionCode.X, p.decide(0x00291010, VR.UN, null, false, null).action().code());
        assertEquals(ActionCode.X, p.decide(0x00291010, VR.UN, "  ", false, null).action().code());
        assertEquals(ActionCode.X, p.decide(0x00291010, VR.UN, "SIEMENS", true, null).action().code());
        assertEquals(ActionCode.K, p.decide(0x00291010, VR.UN, "SIEMENS", false, null).action().code());
    }

    @Test
    void creatorRulesMatchTrimmedCreatorGroupAndOffset() throws ProfileException {
        Profile p = profile("\"GEMS_PARM_01\" (0043,xx27) K", "\"SIEMENS CSA HEADER\" (0029,xxxx) C", "private X");
        assertEquals(ActionCode.K, decidePrivate(p, 0x00431027, "GEMS_PARM_01").action().code());
        assertEquals(ActionCode.K, decidePrivate(p, 0x00431127, " GEMS_PARM_01 ").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x00431028, "GEMS_PARM_01").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x00451027, "GEMS_PARM_01").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x00431027, "gems_parm_01").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x00431027, "GEMS_PARM_02").action().code());
        assertEquals(ActionCode.C, decidePrivate(p, 0x00291010, "SIEMENS CSA HEADER").action().code());
        assertEquals(ActionCode.C, decidePrivate(p, 0x002911FF, "SIEMENS CSA HEADER").action().code());
        assertEquals(ActionCode.X, decidePrivate(p, 0x00311010, "SIEMENS CSA HEADER").action().code());
    }

    @Test
    void vrSelectsByTheVrGiven() throws ProfileException {
        Profile p = profile("vr:DA year", "* K");
        assertEquals(ActionCode.YEAR, decide(p, 0x00141020, VR.DA).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00141020, VR.UN).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00141020, null).action().code());
    }

    @Test
    void unselectedElementIsKeptWithoutRule() throws ProfileException {
        Decision d = decide(profile("PatientName X"), 0x00280010, VR.US);
        assertSame(Decision.UNSELECTED, d);
        assertEquals(Action.of(ActionCode.K), d.action());
        assertNull(d.rule());
        assertNull(d.option());
    }

    // ----- replacement -----

    @Test
    void laterRuleWithSameSelectorReplacesTheEarlier() throws ProfileException {
        Profile p = profile("PatientName X", "(0010,0010) Z", "* K", "* X");
        assertEquals(3, line(decide(p, PATIENT_NAME, VR.PN)));
        assertEquals(ActionCode.X, decide(p, 0x00280010, VR.US).action().code());
        assertEquals(2, p.rules().size());
        assertEquals(List.of("(0010,0010) PatientName Z", "* X"), p.rules().stream().map(Rule::toString).toList());
    }

    @Test
    void replacedRuleLosesItsOptionEntries() throws ProfileException {
        Profile p = profile("option retain-long-full-dates", "StudyDate Z retain-long-full-dates=K", "StudyDate year");
        assertEquals(ActionCode.YEAR, decide(p, STUDY_DATE, VR.DA).action().code());
    }

    // ----- conditions -----

    private static AttributeLookup modality(String value) {
        return tag -> tag == MODALITY ? value : null;
    }

    @Test
    void conditionedRuleBeatsTheUnconditionedOneWhenItHolds() throws ProfileException {
        Profile p = profile("PatientName D when Modality = US", "PatientName X");
        assertEquals(ActionCode.D, p.decide(PATIENT_NAME, VR.PN, null, false, modality("US")).action().code());
        assertEquals(ActionCode.X, p.decide(PATIENT_NAME, VR.PN, null, false, modality("CT")).action().code());
        assertEquals(ActionCode.X, p.decide(PATIENT_NAME, VR.PN, null, false, null).action().code());
        assertEquals(2, p.rules().size());
    }

    @Test
    void conditionedRuleThatFailsLetsALessSpecificSelectorDecide() throws ProfileException {
        Profile p = profile("PatientName K when Modality = US", "vr:PN D");
        assertEquals(ActionCode.K, p.decide(PATIENT_NAME, VR.PN, null, false, modality("US")).action().code());
        assertEquals(ActionCode.D, p.decide(PATIENT_NAME, VR.PN, null, false, modality("MR")).action().code());
    }

    @Test
    void laterConditionedRuleIsTriedFirst() throws ProfileException {
        Profile p = profile("PatientName C when Modality present", "PatientName D when Modality = US");
        assertEquals(ActionCode.D, p.decide(PATIENT_NAME, VR.PN, null, false, modality("US")).action().code());
        assertEquals(ActionCode.C, p.decide(PATIENT_NAME, VR.PN, null, false, modality("CT")).action().code());
        assertSame(Decision.UNSELECTED, p.decide(PATIENT_NAME, VR.PN, null, false, modality(null)));
    }

    @Test
    void sameSelectorAndConditionReplaces() throws ProfileException {
        Profile p = profile("PatientName C when Modality = US", "PatientName D when Modality=\"US\"");
        assertEquals(1, p.rules().size());
        assertEquals(ActionCode.D, p.decide(PATIENT_NAME, VR.PN, null, false, modality("US")).action().code());
    }

    @Test
    void operatorsCompareTrimmedValuesCaseSensitively() throws ProfileException {
        Profile eq = profile("PatientName D when Modality = US");
        assertEquals(ActionCode.D, eq.decide(PATIENT_NAME, VR.PN, null, false, modality(" US ")).action().code());
        assertSame(Decision.UNSELECTED, eq.decide(PATIENT_NAME, VR.PN, null, false, modality("us")));
        Profile ne = profile("PatientName D when Modality != US");
        assertEquals(ActionCode.D, ne.decide(PATIENT_NAME, VR.PN, null, false, modality("CT")).action().code());
        assertEquals(ActionCode.D, ne.decide(PATIENT_NAME, VR.PN, null, false, modality(null)).action().code());
        assertSame(Decision.UNSELECTED, ne.decide(PATIENT_NAME, VR.PN, null, false, modality("US")));
        Profile in = profile("PatientName D when Modality in (US, \"XA\")");
        assertEquals(ActionCode.D, in.decide(PATIENT_NAME, VR.PN, null, false, modality("XA")).action().code());
        assertSame(Decision.UNSELECTED, in.decide(PATIENT_NAME, VR.PN, null, false, modality("CT")));
        assertSame(Decision.UNSELECTED, in.decide(PATIENT_NAME, VR.PN, null, false, modality(null)));
        Profile present = profile("PatientName D when Modality present");
        assertEquals(ActionCode.D, present.decide(PATIENT_NAME, VR.PN, null, false, modality("")).action().code());
        assertSame(Decision.UNSELECTED, present.decide(PATIENT_NAME, VR.PN, null, false, modality(null)));
        Profile absent = profile("PatientName D when Modality absent");
        assertEquals(ActionCode.D, absent.decide(PATIENT_NAME, VR.PN, null, false, modality(null)).action().code());
        assertSame(Decision.UNSELECTED, absent.decide(PATIENT_NAME, VR.PN, null, false, modality("")));
    }

    @Test
    void everyTestJoinedByAndMustHold() throws ProfileException {
        Profile p = profile("PatientName D when Modality = US and (0028,0301) = YES");
        AttributeLookup both = tag -> tag == MODALITY ? "US" : tag == 0x00280301 ? "YES" : null;
        AttributeLookup one = tag -> tag == MODALITY ? "US" : tag == 0x00280301 ? "NO" : null;
        assertEquals(ActionCode.D, p.decide(PATIENT_NAME, VR.PN, null, false, both).action().code());
        assertSame(Decision.UNSELECTED, p.decide(PATIENT_NAME, VR.PN, null, false, one));
    }

    // ----- options -----

    @Test
    void enabledOptionEntryReplacesTheBaseAction() throws ProfileException {
        Profile p = profile("StudyDate Z retain-long-full-dates=K retain-long-modified-dates=C");
        Decision base = decide(p, STUDY_DATE, VR.DA);
        assertEquals(ActionCode.Z, base.action().code());
        assertNull(base.option());
        Decision full = decide(p.withOptions(List.of(Option.RETAIN_LONG_FULL_DATES)), STUDY_DATE, VR.DA);
        assertEquals(ActionCode.K, full.action().code());
        assertEquals(Option.RETAIN_LONG_FULL_DATES, full.option());
        Decision other = decide(p.withOptions(List.of(Option.RETAIN_UIDS)), STUDY_DATE, VR.DA);
        assertEquals(ActionCode.Z, other.action().code());
    }

    @Test
    void mostProtectiveEnabledOptionWins() throws ProfileException {
        Profile p = profile("StudyDate Z retain-long-full-dates=K retain-long-modified-dates=C",
                "option retain-long-full-dates", "option retain-long-modified-dates");
        Decision d = decide(p, STUDY_DATE, VR.DA);
        assertEquals(ActionCode.C, d.action().code());
        assertEquals(Option.RETAIN_LONG_MODIFIED_DATES, d.option());
    }

    @Test
    void protectionOrderIsXZDCUHashReplaceShiftYearCapAgeK() throws ProfileException {
        String[] order = {"X", "Z", "D", "C", "U", "hash", "replace \"{hash:4}\"", "shift", "year", "cap-age", "K"};
        Option[] options = {Option.RETAIN_UIDS, Option.RETAIN_DEVICE_IDENTITY};
        for (int i = 0; i < order.length; i++) {
            for (int j = i + 1; j < order.length; j++) {
                Profile p = profile("PatientName K retain-uids=" + order[j] + " retain-device-identity=" + order[i])
                        .withOptions(List.of(options));
                assertEquals(Option.RETAIN_DEVICE_IDENTITY, decide(p, PATIENT_NAME, VR.PN).option(), order[i] + " > " + order[j]);
                p = profile("PatientName K retain-uids=" + order[i] + " retain-device-identity=" + order[j])
                        .withOptions(List.of(options));
                assertEquals(Option.RETAIN_UIDS, decide(p, PATIENT_NAME, VR.PN).option(), order[i] + " > " + order[j]);
            }
        }
    }

    @Test
    void equallyProtectiveOptionsTieToTheFirstInOptionOrder() throws ProfileException {
        Profile p = profile("PatientName K retain-device-identity=X/Z retain-uids=Z")
                .withOptions(List.of(Option.RETAIN_DEVICE_IDENTITY, Option.RETAIN_UIDS));
        Decision d = decide(p, PATIENT_NAME, VR.PN);
        assertEquals(Option.RETAIN_UIDS, d.option());
        assertEquals("Z", d.declared());
    }

    @Test
    void noOptionDisablesAnOptionOfAnExtendedProfile() throws ProfileException {
        Profile p = Profile.parse("profile t\nextends research\nno-option retain-long-modified-dates\n", "t.profile");
        assertEquals(EnumSet.of(Option.RETAIN_SAFE_PRIVATE, Option.RETAIN_PATIENT_CHARACTERISTICS,
                Option.CLEAN_DESCRIPTORS), p.options());
        assertEquals(ActionCode.Z, decide(p, STUDY_DATE, VR.DA).action().code());
    }

    @Test
    void optionsAreListedInEnumOrder() throws ProfileException {
        Profile p = profile("option clean-graphics", "option retain-safe-private").withOptions(List.of(Option.RETAIN_UIDS));
        assertEquals(List.of(Option.RETAIN_SAFE_PRIVATE, Option.RETAIN_UIDS, Option.CLEAN_GRAPHICS), List.copyOf(p.options()));
    }

    // ----- compound codes -----

    @Test
    void compoundCodesResolveToTheActionThatKeepsTheAttribute() throws ProfileException {
        Map<String, ActionCode> expected = Map.of("X/Z", ActionCode.Z, "X/D", ActionCode.D, "Z/D", ActionCode.D,
                "X/Z/D", ActionCode.D, "X/Z/U*", ActionCode.U);
        for (Map.Entry<String, ActionCode> e : expected.entrySet()) {
            Decision d = decide(profile("PatientName " + e.getKey()), PATIENT_NAME, VR.PN);
            assertEquals(e.getValue(), d.action().code(), e.getKey());
            assertEquals(e.getKey(), d.declared());
            assertEquals(e.getKey(), d.rule().declared());
        }
    }

    @Test
    void compoundOptionEntryResolvesAndKeepsItsDeclaredCode() throws ProfileException {
        Decision d = decide(profile("option clean-graphics", "PatientName X clean-graphics=X/Z/U*"), PATIENT_NAME, VR.PN);
        assertEquals(Action.of(ActionCode.U), d.action());
        assertEquals("X/Z/U*", d.declared());
    }

    @Test
    void actionCodesKnowTheirResolution() {
        for (ActionCode c : ActionCode.values()) {
            assertFalse(c.resolved().isCompound(), c.token());
            assertEquals(c, ActionCode.ofToken(c.token()));
            assertEquals(c.isCompound() ? c.resolved().protection() : c.protection(), c.protection());
        }
        assertNull(ActionCode.ofToken("x"));
        assertThrows(IllegalArgumentException.class, () -> new Action(ActionCode.REPLACE, null));
        assertThrows(IllegalArgumentException.class, () -> new Action(ActionCode.X, "t"));
        assertThrows(IllegalArgumentException.class, () -> new Decision(Action.of(ActionCode.X_Z), "X/Z", null, null));
    }

    // ----- extends -----

    @Test
    void extendingFileOverridesExtendedFile(@TempDir Path base) throws IOException, ProfileException {
        write(base.resolve("site.profile"), "profile site\noption retain-uids\nset uid-root 1.2.3\nPatientName D\nPatientSex K\n");
        Files.createDirectories(base.resolve("deid"));
        write(base.resolve("deid/my.profile"), "profile mine\ndescription Mine\nextends ../site.profile\n"
                + "set uid-root 1.2.4\nPatientName replace \"P{hash:6}\"\n");
        Profile p = Profile.load("deid/my.profile", base);
        assertEquals("mine", p.name());
        assertEquals("Mine", p.description());
        assertEquals(List.of("site.profile", "deid/my.profile"), p.sources());
        assertEquals(Set.of(Option.RETAIN_UIDS), p.options());
        assertEquals(Map.of("uid-root", "1.2.4"), p.settings());
        Decision name = decide(p, PATIENT_NAME, VR.PN);
        assertEquals(new Action(ActionCode.REPLACE, "P{hash:6}"), name.action());
        assertEquals("deid/my.profile", name.rule().source());
        assertEquals(5, name.rule().line());
        assertEquals("deid/my.profile:5", name.rule().location());
        assertEquals("site.profile", decide(p, 0x00100040, VR.CS).rule().source());
    }

    @Test
    void laterExtendsOverridesEarlierAndSharedSourceLoadsOnce() throws IOException, ProfileException {
        write(dir.resolve("a.profile"), "profile a\nextends basic\nPatientName D\n");
        write(dir.resolve("b.profile"), "profile b\nextends basic\nPatientName C\nPatientSex K\n");
        write(dir.resolve("top.profile"), "profile top\nextends a.profile\nextends b.profile\n");
        Profile p = Profile.load("top.profile", dir);
        assertEquals(List.of("builtin:basic", "a.profile", "b.profile", "top.profile"), p.sources());
        assertEquals(ActionCode.C, decide(p, PATIENT_NAME, VR.PN).action().code());
        assertEquals(ActionCode.K, decide(p, 0x00100040, VR.CS).action().code());
    }

    @Test
    void extendsCycleIsAnError() throws IOException {
        write(dir.resolve("a.profile"), "profile a\nextends b.profile\n");
        write(dir.resolve("b.profile"), "profile b\n\nextends a.profile\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profile.load("a.profile", dir));
        assertEquals("b.profile:3: extends cycle: a.profile -> b.profile -> a.profile", e.getMessage());
        write(dir.resolve("self.profile"), "profile self\nextends ./self.profile\n");
        e = assertThrows(ProfileException.class, () -> Profile.load("self.profile", dir));
        assertEquals("self.profile:2: extends cycle: self.profile -> self.profile", e.getMessage());
    }

    @Test
    void missingExtendedFileIsAnError() throws IOException {
        write(dir.resolve("a.profile"), "profile a\nextends basik\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profile.load("a.profile", dir));
        assertEquals("a.profile:2: cannot find profile 'basik' (" + dir.toAbsolutePath().normalize().resolve("basik")
                + ") (did you mean basic?)", e.getMessage());
    }

    @Test
    void parsedTextExtendsShippedProfilesOnly() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> Profile.parse("profile t\nextends other.profile\n", "pom-profile"));
        assertEquals("pom-profile:2: unknown profile 'other.profile'; here only shipped profiles (basic, research,"
                + " safe-harbor) can be extended", e.getMessage());
    }

    @Test
    void loadResolvesShippedNamesAndReportsMissingFiles() throws ProfileException {
        assertEquals(List.of("builtin:basic", "builtin:research"), Profile.load("research", dir).sources());
        ProfileException e = assertThrows(ProfileException.class, () -> Profile.load("reserch", dir));
        assertEquals("reserch: no such profile file (" + dir.toAbsolutePath().normalize().resolve("reserch")
                + ") and not a shipped profile (basic, research, safe-harbor) (did you mean research?)", e.getMessage());
        e = assertThrows(ProfileException.class, () -> Profile.builtin("safe_harbor"));
        assertEquals("safe_harbor: unknown shipped profile 'safe_harbor' (did you mean safe-harbor?); shipped: basic,"
                + " research, safe-harbor", e.getMessage());
    }

    @Test
    void errorsInExtendedFilesNameThatFile() throws IOException {
        write(dir.resolve("a.profile"), "profile a\nextends b.profile\n");
        write(dir.resolve("b.profile"), "profile b\nPatientName Q\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profile.load("a.profile", dir));
        assertEquals("b.profile:2: unknown action 'Q'", e.getMessage());
    }

    @Test
    void filesOutsideTheBaseDirectoryAreNamedByAbsolutePath() throws IOException, ProfileException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path base = Files.createDirectories(dir.resolve("base"));
        write(other.resolve("x.profile"), "profile x\n");
        Profile p = Profile.load("../other/x.profile", base);
        assertEquals(List.of(other.resolve("x.profile").toAbsolutePath().normalize().toString()), p.sources());
    }

    @Test
    void nonUtf8FileIsAnError() throws IOException {
        Files.write(dir.resolve("latin1.profile"), new byte[] {'p', 'r', 'o', 'f', 'i', 'l', 'e', ' ', 'x', (byte) 0xE9, '\n'});
        ProfileException e = assertThrows(ProfileException.class, () -> Profile.load("latin1.profile", dir));
        assertEquals("latin1.profile: not UTF-8 text", e.getMessage());
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException, ProfileException {
        write(dir.resolve("bom.profile"), "\uFEFFprofile bom\n");
        assertEquals("bom", Profile.load("bom.profile", dir).name());
    }

    // ----- pom additions -----

    @Test
    void pomRulesReplaceProfileRules() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        Profile p = basic.withRules(List.of("PatientSex K", "# comment", "PatientName replace \"ANON-{hash:8}\""), "pom");
        Decision sex = decide(p, 0x00100040, VR.CS);
        assertEquals(ActionCode.K, sex.action().code());
        assertEquals("pom:1", sex.rule().location());
        assertEquals("pom:3", decide(p, PATIENT_NAME, VR.PN).rule().location());
        assertEquals(List.of("builtin:basic", "pom"), p.sources());
        assertEquals(basic.rules().size(), p.rules().size());
        assertEquals(ActionCode.Z, decide(basic, 0x00100040, VR.CS).action().code());
    }

    @Test
    void pomRuleErrorsNameThePomLine() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        ProfileException e = assertThrows(ProfileException.class,
                () -> basic.withRules(List.of("PatientSex K", "PatientSex Y"), "pom.xml <rules>"));
        assertEquals("pom.xml <rules>:2: unknown action 'Y'", e.getMessage());
    }

    @Test
    void emptyAdditionsReturnTheSameProfile() throws ProfileException {
        Profile basic = Profile.builtin("basic");
        assertSame(basic, basic.withRules(List.of(), "pom"));
        assertSame(basic, basic.withOptions(List.of()));
        Profile research = Profile.builtin("research");
        assertSame(research, research.withOptions(List.of(Option.CLEAN_DESCRIPTORS)));
    }

    // ----- content hash -----

    @Test
    void contentHashCoversSourceTextsOptionsAndRules() throws ProfileException, NoSuchAlgorithmException {
        String text = "profile t\nPatientName X\n";
        Profile p = Profile.parse(text, "t.profile");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] input = ("source\n" + text).getBytes(StandardCharsets.UTF_8);
        sha.update((input.length + "\n").getBytes(StandardCharsets.US_ASCII));
        sha.update(input);
        assertEquals(HexFormat.of().formatHex(sha.digest()), p.contentHash());
        assertEquals(p.contentHash(), Profile.parse(text, "elsewhere.profile").contentHash());
        assertNotEquals(p.contentHash(), Profile.parse(text + "# comment\n", "t.profile").contentHash());
        Profile withOption = p.withOptions(List.of(Option.RETAIN_UIDS));
        assertNotEquals(p.contentHash(), withOption.contentHash());
        assertEquals(withOption.contentHash(), Profile.parse(text, "t.profile").withOptions(Set.of(Option.RETAIN_UIDS))
                .contentHash());
        assertNotEquals(p.contentHash(), p.withRules(List.of("PatientSex K"), "pom").contentHash());
    }

    @Test
    void sameContentFromDifferentFoldersHashesAlike() throws IOException, ProfileException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        write(a.resolve("p.profile"), "profile p\nextends basic\nPatientSex K\n");
        write(b.resolve("q.profile"), "profile p\nextends basic\nPatientSex K\n");
        assertEquals(Profile.load("p.profile", a).contentHash(), Profile.load("q.profile", b).contentHash());
    }

    // ----- safe private list -----

    @Test
    void safePrivateListsCreatorRulesThatKeep() throws ProfileException {
        Profile p = profile("\"A\" (0009,xx10) X retain-safe-private=K", "\"B\" (0011,xxxx) K", "\"C\" (0013,xx01) X",
                "(0015,1001) K");
        assertEquals(List.of("B"), p.safePrivate().stream().map(SafePrivate::creator).toList());
        List<SafePrivate> safe = p.withOptions(List.of(Option.RETAIN_SAFE_PRIVATE)).safePrivate();
        assertEquals(2, safe.size());
        SafePrivate a = safe.get(0);
        assertEquals(new SafePrivate("A", 0x0009, 0x10, a.rule()), a);
        assertTrue(a.matches(" A ", 0x00091010));
        assertTrue(a.matches("A", 0x00091110));
        assertFalse(a.matches("A", 0x00091011));
        assertFalse(a.matches("B", 0x00091010));
        assertFalse(a.matches(null, 0x00091010));
        SafePrivate b = safe.get(1);
        assertEquals(-1, b.offset());
        assertTrue(b.matches("B", 0x001110FF));
        assertFalse(b.matches("B", 0x00110010));
    }
}
