package org.dicomtools.deid.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.dicomtools.deid.dicom.VR;
import org.junit.jupiter.api.Test;

/** Syntax of profile files: every directive, selector, action and condition, and every error message. */
class ProfileParserTest {
    private static final String HEAD = "profile t\n";

    private static ProfileParser.ParsedFile parse(String text) throws ProfileException {
        return ProfileParser.parseFile(text, "t.profile");
    }

    private static Rule rule(String line) throws ProfileException {
        List<Rule> rules = parse(HEAD + line + "\n").rules();
        assertEquals(1, rules.size());
        return rules.get(0);
    }

    private static String error(String text) {
        return assertThrows(ProfileException.class, () -> parse(text)).getMessage();
    }

    /** The message for {@code line} written as line 2, after the profile directive. */
    private static String ruleError(String line) {
        return error(HEAD + line + "\n");
    }

    // ----- directives -----

    @Test
    void directivesAreReadWithCommentsAndQuotes() throws ProfileException {
        ProfileParser.ParsedFile f = parse("# header comment\n"
                + "\n"
                + "profile my-profile.v2   # trailing comment\n"
                + "description A curator's profile #1, see README\n"
                + "standard \"PS3.15 2024b # Table E.1-1\"\n"
                + "extends basic\n"
                + "extends \"../shared/site rules.profile\"\n"
                + "option retain-uids\n"
                + "no-option clean-graphics\n"
                + "set uid-root 1.2.826.0.1.3680043.10.1234\n"
                + "set date-shift-max-days 365\n"
                + "set pseudonym.PatientID \"P {hash:10}\"\n"
                + "set dummy.PN Anonymous^Patient\n"
                + "set date-shift-max-days 30\n");
        assertEquals("my-profile.v2", f.name());
        assertEquals("A curator's profile", f.description());
        assertEquals("PS3.15 2024b # Table E.1-1", f.standard());
        assertEquals(List.of(new ProfileParser.Extends("basic", 6),
                new ProfileParser.Extends("../shared/site rules.profile", 7)), f.parents());
        assertEquals(List.of(new ProfileParser.Toggle(Option.RETAIN_UIDS, true),
                new ProfileParser.Toggle(Option.CLEAN_GRAPHICS, false)), f.toggles());
        assertEquals(List.of("uid-root", "pseudonym.PatientID", "dummy.PN", "date-shift-max-days"),
                List.copyOf(f.settings().keySet()));
        assertEquals(Map.of("uid-root", "1.2.826.0.1.3680043.10.1234", "date-shift-max-days", "30",
                "pseudonym.PatientID", "P {hash:10}", "dummy.PN", "Anonymous^Patient"), f.settings());
        assertEquals(List.of(), f.rules());
    }

    @Test
    void hashInsideAWordIsNotAComment() throws ProfileException {
        assertEquals("issue#12 and more", parse(HEAD + "description issue#12 and more\n").description());
    }

    @Test
    void descriptionAndStandardDefaultToEmpty() throws ProfileException {
        ProfileParser.ParsedFile f = parse(HEAD);
        assertEquals("", f.description());
        assertEquals("", f.standard());
    }

    @Test
    void crLfLineEndsAreAccepted() throws ProfileException {
        ProfileParser.ParsedFile f = parse("profile t\r\nPatientName X\r\n");
        assertEquals(2, f.rules().get(0).line());
    }

    // ----- selectors -----

    @Test
    void tagSelectorWithAndWithoutKeyword() throws ProfileException {
        assertEquals(new Selector.ExactTag(0x00100010), rule("(0010,0010) X").selector());
        assertEquals(new Selector.ExactTag(0x00100010), rule("(0010,0010) PatientName X").selector());
        assertEquals(new Selector.ExactTag(0x0008103E), rule("(0008,103e) X").selector());
    }

    @Test
    void keywordSelectorIsItsTag() throws ProfileException {
        assertEquals(new Selector.ExactTag(0x00100020), rule("PatientID X").selector());
    }

    @Test
    void keywordOfARepeatingGroupIsItsMask() throws ProfileException {
        assertEquals(new Selector.TagMask(0x60003000, 0xFF00FFFF), rule("OverlayData X").selector());
        assertEquals(new Selector.TagMask(0x60003000, 0xFF00FFFF), rule("(60xx,3000) OverlayData X").selector());
    }

    @Test
    void maskSelectors() throws ProfileException {
        assertEquals(new Selector.TagMask(0x50000000, 0xFF000000), rule("(50xx,xxxx) X").selector());
        assertEquals(new Selector.TagMask(0x00203100, 0xFFFFFF00), rule("(0020,31XX) X").selector());
        assertEquals("(50xx,xxxx)", rule("(50xx,xxxx) X").selector().toString());
    }

    @Test
    void privateCreatorSelectors() throws ProfileException {
        assertEquals(new Selector.CreatorElement("GEMS_PARM_01", 0x0043, 0x27),
                rule("\"GEMS_PARM_01\" (0043,xx27) K").selector());
        assertEquals(new Selector.CreatorBlock("SIEMENS CSA HEADER", 0x0029),
                rule("\"  SIEMENS CSA HEADER \" (0029,xxxx) X").selector());
        assertEquals(new Selector.CreatorElement("A \"quoted\" \\ name", 0x0009, 0x10),
                rule("\"A \\\"quoted\\\" \\\\ name\" (0009,xx10) K").selector());
    }

    @Test
    void wordSelectors() throws ProfileException {
        assertEquals(new Selector.PrivateData(), rule("private X").selector());
        assertEquals(new Selector.PrivateCreator(), rule("private-creator X").selector());
        assertEquals(new Selector.UnknownCreator(), rule("unknown-creator X").selector());
        assertEquals(new Selector.ByVr(VR.PN), rule("vr:PN D").selector());
        assertEquals(new Selector.Any(), rule("* K").selector());
    }

    @Test
    void selectorsPrintAsWritten() throws ProfileException {
        assertEquals("(0010,0010) PatientName Z", rule("PatientName Z").toString());
        assertEquals("\"GEMS_PARM_01\" (0043,xx27) X retain-safe-private=K",
                rule("\"GEMS_PARM_01\" (0043,xx27) X retain-safe-private=K").toString());
        assertEquals("\"SIEMENS CSA HEADER\" (0029,xxxx) X", rule("\"SIEMENS CSA HEADER\" (0029,xxxx) X").toString());
        assertEquals("(60xx,3000) X clean-graphics=C", rule("(60xx,3000) X clean-graphics=C").toString());
        assertEquals("vr:DA year", rule("vr:DA year").toString());
        assertEquals("(0010,0010) PatientName replace \"ANON-{hash:8}\" when Modality in (\"US\", \"XA\")",
                rule("PatientName replace \"ANON-{hash:8}\" when Modality in (US, XA)").toString());
    }

    // ----- actions -----

    @Test
    void everyActionCodeParses() throws ProfileException {
        String[] tokens = {"X", "Z", "D", "K", "C", "U", "hash", "shift", "year", "cap-age",
            "X/Z", "X/D", "Z/D", "X/Z/D", "X/Z/U*"};
        ActionCode[] codes = {ActionCode.X, ActionCode.Z, ActionCode.D, ActionCode.K, ActionCode.C, ActionCode.U,
            ActionCode.HASH, ActionCode.SHIFT, ActionCode.YEAR, ActionCode.CAP_AGE,
            ActionCode.X_Z, ActionCode.X_D, ActionCode.Z_D, ActionCode.X_Z_D, ActionCode.X_Z_U};
        for (int i = 0; i < tokens.length; i++) {
            Rule r = rule("PatientName " + tokens[i]);
            assertEquals(Action.of(codes[i]), r.declaredAction());
            assertEquals(tokens[i], r.declared());
        }
    }

    @Test
    void replaceTakesAQuotedTemplate() throws ProfileException {
        Rule r = rule("PatientName replace \"ANON-{hash:8} {pseudonym:PatientID}\"");
        assertEquals(new Action(ActionCode.REPLACE, "ANON-{hash:8} {pseudonym:PatientID}"), r.base());
        assertEquals("replace", r.declared());
    }

    @Test
    void optionEntriesFollowTheAction() throws ProfileException {
        Rule r = rule("StudyDate Z retain-long-full-dates=K retain-long-modified-dates=C clean-descriptors=X/Z");
        assertEquals(Map.of(Option.RETAIN_LONG_FULL_DATES, Action.of(ActionCode.K),
                Option.RETAIN_LONG_MODIFIED_DATES, Action.of(ActionCode.C),
                Option.CLEAN_DESCRIPTORS, Action.of(ActionCode.X_Z)), r.declaredOptions());
        assertEquals(Action.of(ActionCode.Z), r.optionActions().get(Option.CLEAN_DESCRIPTORS));
        assertEquals(new Action(ActionCode.REPLACE, "P{hash:4}"),
                rule("PatientName X retain-patient-characteristics=replace \"P{hash:4}\"")
                        .optionActions().get(Option.RETAIN_PATIENT_CHARACTERISTICS));
    }

    // ----- conditions -----

    @Test
    void everyConditionOperatorParses() throws ProfileException {
        Condition c = rule("BurnedInAnnotation X when Modality = US and (0008,0008) != \" ORIGINAL \\PRIMARY\""
                + " and Manufacturer in (\"GE, Inc\", Philips , \"\") and (0028,0301) present and PatientName absent")
                .condition();
        assertEquals(List.of(
                new Condition.Test(0x00080060, Condition.Operator.EQUALS, List.of("US")),
                new Condition.Test(0x00080008, Condition.Operator.NOT_EQUALS, List.of("ORIGINAL \\PRIMARY")),
                new Condition.Test(0x00080070, Condition.Operator.IN, List.of("GE, Inc", "Philips", "")),
                new Condition.Test(0x00280301, Condition.Operator.PRESENT, List.of()),
                new Condition.Test(0x00100010, Condition.Operator.ABSENT, List.of())), c.tests());
    }

    @Test
    void operatorsNeedNoSpaces() throws ProfileException {
        assertEquals(List.of(new Condition.Test(0x00080060, Condition.Operator.EQUALS, List.of("US")),
                new Condition.Test(0x00080060, Condition.Operator.NOT_EQUALS, List.of("CT"))),
                rule("PatientName X when Modality=US and Modality!=CT").condition().tests());
    }

    @Test
    void ruleWithoutConditionHasNone() throws ProfileException {
        assertNull(rule("PatientName X").condition());
    }

    // ----- errors -----

    @Test
    void fileMustStartWithProfile() {
        assertEquals("t.profile:2: a profile must start with 'profile <name>'", error("# c\noption retain-uids\n"));
        assertEquals("t.profile:1: a profile must start with 'profile <name>'", error("PatientName X\n"));
        assertEquals("t.profile: a profile must start with 'profile <name>'", error("# only a comment\n"));
    }

    @Test
    void directiveErrors() {
        assertEquals("t.profile:2: duplicate 'profile' directive", error(HEAD + "profile u\n"));
        assertEquals("t.profile:1: 'profile' needs an argument", error("profile\n"));
        assertEquals("t.profile:1: profile name 'my profile' may contain only letters, digits, '.', '_' and '-'",
                error("profile \"my profile\"\n"));
        assertEquals("t.profile:2: 'extends' takes one argument; quote it if it contains spaces",
                error(HEAD + "extends a b\n"));
        assertEquals("t.profile:2: 'description' needs a text", error(HEAD + "description   # nothing\n"));
        assertEquals("t.profile:2: 'standard' needs a text", error(HEAD + "standard\n"));
        assertEquals("t.profile:2: unknown option 'retain-uid' (did you mean retain-uids?)",
                error(HEAD + "option retain-uid\n"));
        assertEquals("t.profile:2: unknown option 'everything'", error(HEAD + "no-option everything\n"));
        assertEquals("t.profile:2: unknown directive 'optoin' (did you mean option?)", error(HEAD + "optoin retain-uids\n"));
        assertEquals("t.profile:2: unknown directive 'privat' (did you mean private?)", error(HEAD + "privat X\n"));
    }

    @Test
    void settingErrors() {
        assertEquals("t.profile:2: unknown setting 'uid_root' (did you mean uid-root?)", error(HEAD + "set uid_root 1.2\n"));
        assertEquals("t.profile:2: setting 'uid-root' needs a value", error(HEAD + "set uid-root\n"));
        assertEquals("t.profile:2: 'set' needs a key and a value", error(HEAD + "set\n"));
        assertEquals("t.profile:2: setting 'date-shift-max-days' needs a whole number of days, not '-3'",
                error(HEAD + "set date-shift-max-days -3\n"));
        assertEquals("t.profile:2: setting 'uid-root' needs a UID prefix of at most 32 characters (digits and dots,"
                + " PS3.5 9.1), not '1.02.3'", error(HEAD + "set uid-root 1.02.3\n"));
        assertEquals("t.profile:2: unknown keyword 'PatientsID' in setting 'pseudonym.PatientsID' (did you mean PatientID?)",
                error(HEAD + "set pseudonym.PatientsID P{hash:8}\n"));
        assertEquals("t.profile:2: unknown VR 'XY' in setting 'dummy.XY'", error(HEAD + "set dummy.XY a\n"));
        assertEquals("t.profile:2: unknown placeholder {pseudonym:PatientID} in template \"{pseudonym:PatientID}\""
                + " (expected {hash:N})", error(HEAD + "set pseudonym.AccessionNumber {pseudonym:PatientID}\n"));
    }

    @Test
    void selectorErrors() {
        assertEquals("t.profile:2: unknown keyword 'PatientsName' (did you mean PatientName?)", ruleError("PatientsName X"));
        assertEquals("t.profile:2: keyword PatientID is (0010,0020), not (0010,0010)", ruleError("(0010,0010) PatientID X"));
        assertEquals("t.profile:2: keyword OverlayData is (60xx,3000), not (6000,3000)",
                ruleError("(6000,3000) OverlayData X"));
        assertEquals("t.profile:2: unknown keyword 'PatientNam' (did you mean PatientName?)",
                ruleError("(0010,0010) PatientNam X"));
        assertEquals("t.profile:2: malformed tag '(0010,001G)': expected (GGGG,EEEE) with hex digits, or x as a wildcard",
                ruleError("(0010,001G) X"));
        assertEquals("t.profile:2: malformed tag '(0010 0010)': expected (GGGG,EEEE) with hex digits, or x as a wildcard",
                ruleError("(0010 0010) X"));
        assertEquals("t.profile:2: missing ')' after '(0010,0010 X'", ruleError("(0010,0010 X"));
        assertEquals("t.profile:2: unknown VR 'PX'", ruleError("vr:PX X"));
        assertEquals("t.profile:2: 'Ab-c' is not a selector", ruleError("Ab-c X"));
        assertEquals("t.profile:2: a private creator selector needs (GGGG,xxEE) or (GGGG,xxxx), not (0029,1010)",
                ruleError("\"SIEMENS\" (0029,1010) X"));
        assertEquals("t.profile:2: group 0028 is not a private group (odd, above 0007)", ruleError("\"SIEMENS\" (0028,xx10) X"));
        assertEquals("t.profile:2: group 0007 is not a private group (odd, above 0007)", ruleError("\"SIEMENS\" (0007,xxxx) X"));
        assertEquals("t.profile:2: empty private creator", ruleError("\"  \" (0029,xx10) X"));
        assertEquals("t.profile:2: expected (GGGG,xxEE) or (GGGG,xxxx) after the private creator", ruleError("\"SIEMENS\" X"));
        assertEquals("t.profile:2: unterminated quoted string", ruleError("\"SIEMENS (0029,xx10) X"));
    }

    @Test
    void actionErrors() {
        assertEquals("t.profile:2: missing action after selector (0010,0010) PatientName", ruleError("PatientName"));
        assertEquals("t.profile:2: unknown action 'hsah' (did you mean hash?)", ruleError("PatientName hsah"));
        assertEquals("t.profile:2: unknown action 'remove'", ruleError("PatientName remove"));
        assertEquals("t.profile:2: 'replace' needs a quoted template, such as replace \"ANON-{hash:8}\"",
                ruleError("PatientName replace ANON"));
        assertEquals("t.profile:2: unexpected 'retain' after the action (expected <option>=<action> or 'when')",
                ruleError("PatientName X retain"));
        assertEquals("t.profile:2: unknown option 'retain-uid' (did you mean retain-uids?)",
                ruleError("SOPInstanceUID U retain-uid=K"));
        assertEquals("t.profile:2: option 'retain-uids' given twice", ruleError("SOPInstanceUID U retain-uids=K retain-uids=X"));
        assertEquals("t.profile:2: missing action after 'retain-uids='", ruleError("SOPInstanceUID U retain-uids="));
        assertEquals("t.profile:2: unknown action 'Q'", ruleError("SOPInstanceUID U retain-uids=Q"));
    }

    @Test
    void templateErrors() {
        assertEquals("t.profile:2: {hash:0} needs a length from 1 to 32", ruleError("PatientName replace \"A{hash:0}\""));
        assertEquals("t.profile:2: {hash:33} needs a length from 1 to 32", ruleError("PatientName replace \"A{hash:33}\""));
        assertEquals("t.profile:2: {hash:} needs a length from 1 to 32", ruleError("PatientName replace \"{hash:}\""));
        assertEquals("t.profile:2: unknown placeholder {date} in template \"A{date}\" (expected {hash:N} or"
                + " {pseudonym:Keyword})", ruleError("PatientName replace \"A{date}\""));
        assertEquals("t.profile:2: unclosed '{' in template \"A{hash:8\"", ruleError("PatientName replace \"A{hash:8\""));
        assertEquals("t.profile:2: '}' without '{' in template \"A}\"", ruleError("PatientName replace \"A}\""));
        assertEquals("t.profile:2: unknown keyword 'PatientsID' in {pseudonym:PatientsID} (did you mean PatientID?)",
                ruleError("PatientName replace \"{pseudonym:PatientsID}\""));
    }

    @Test
    void conditionErrors() {
        assertEquals("t.profile:2: 'when' needs a condition", ruleError("PatientName X when"));
        assertEquals("t.profile:2: 'and' needs a condition", ruleError("PatientName X when Modality = US and"));
        assertEquals("t.profile:2: expected '=', '!=', 'in', 'present' or 'absent' after Modality",
                ruleError("PatientName X when Modality is US"));
        assertEquals("t.profile:2: expected '=', '!=', 'in', 'present' or 'absent' after Modality",
                ruleError("PatientName X when Modality"));
        assertEquals("t.profile:2: missing value after Modality =", ruleError("PatientName X when Modality ="));
        assertEquals("t.profile:2: missing value after Modality !=", ruleError("PatientName X when Modality !="));
        assertEquals("t.profile:2: 'in' needs a list of values in parentheses after Modality",
                ruleError("PatientName X when Modality in US"));
        assertEquals("t.profile:2: missing ')' after the values of 'in'", ruleError("PatientName X when Modality in (US, CT"));
        assertEquals("t.profile:2: empty value in the list of 'in'", ruleError("PatientName X when Modality in (US,,CT)"));
        assertEquals("t.profile:2: expected ',' or ')' in the list of 'in', not '\"'",
                ruleError("PatientName X when Modality in (\"US\"\"CT\")"));
        assertEquals("t.profile:2: expected 'and' or the end of the line, not 'or'",
                ruleError("PatientName X when Modality = US or Modality = CT"));
        assertEquals("t.profile:2: unknown keyword 'Modalty' (did you mean Modality?)",
                ruleError("PatientName X when Modalty = US"));
        assertEquals("t.profile:2: a condition needs a single tag, not OverlayData (60xx,3000)",
                ruleError("PatientName X when OverlayData present"));
        assertEquals("t.profile:2: a condition needs a single tag, not (60xx,3000)",
                ruleError("PatientName X when (60xx,3000) present"));
        assertEquals("t.profile:2: expected an attribute keyword or (GGGG,EEEE) in the condition",
                ruleError("PatientName X when = US"));
    }

    @Test
    void pomRulesAcceptRulesCommentsAndBlankLinesOnly() throws ProfileException {
        ProfileParser.ParsedFile f = ProfileParser.parseRules(List.of("# keep sex", "", "PatientSex K"), "pom");
        assertEquals(1, f.rules().size());
        assertEquals(3, f.rules().get(0).line());
        assertEquals("pom", f.rules().get(0).source());
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileParser.parseRules(List.of("PatientSex K", "option retain-uids"), "pom"));
        assertEquals("pom:2: only rules are allowed here, not 'option'", e.getMessage());
        assertEquals("pom", e.source());
        assertEquals(2, e.line());
        assertEquals("only rules are allowed here, not 'option'", e.reason());
    }

    @Test
    void suggestionsNeedACloseCandidate() {
        assertEquals(" (did you mean retain-uids?)", ProfileParser.didYouMean("RETAIN-UIDS", List.of("retain-uids")));
        assertEquals("", ProfileParser.didYouMean("abc", List.of("xyz")));
        assertEquals("", ProfileParser.didYouMean("xyzzy", List.of()));
        assertEquals("", ProfileParser.didYouMean("Y", List.of("X")));
    }
}
