package org.dicomtools.deid.verify.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;
import org.dicomtools.deid.dicom.dict.Tag;
import org.dicomtools.deid.engine.Dummies;
import org.dicomtools.deid.engine.PhiPatterns;
import org.dicomtools.deid.verify.Check;
import org.dicomtools.deid.verify.CheckedFile;
import org.dicomtools.deid.verify.ElementRef;
import org.dicomtools.deid.verify.FindingSink;
import org.dicomtools.deid.verify.Hints;
import org.dicomtools.deid.verify.RuleInfo;
import org.dicomtools.deid.verify.Severity;
import org.dicomtools.deid.verify.VerifyContext;

/**
 * {@code phi-pattern}: text that looks like PHI in any string value of any element, private and
 * nested ones included, decoded with the file's character set (and UN values that read as text):
 * person-name shapes, dates and date-times in free text, phone numbers, e-mail addresses, URLs, IP
 * addresses, social-security-like and medical-record-like numbers, street addresses and postcodes,
 * ages over 89.
 *
 * <p>Not scanned, to keep a de-identified dataset free of noise: values whose VR is structured (DA,
 * DT, TM, UI, DS, IS, CS, AE, UR and binary VRs: dates in DA/DT are the profile's business, checked
 * by {@code retained-phi-attribute} and, with the ledger, {@code fingerprint-match}), coded values
 * (Code Value and its relatives), this plugin's own markers, and dummies. AS values are checked for
 * ages over 89 only.
 */
public final class PhiPattern implements Check {
    public static final RuleInfo INFO = new RuleInfo("phi-pattern", "PHI pattern in text", Severity.HIGH,
            "A text value looks like a name, date, phone number, e-mail, identifier, address or an age over 89."
                    + " Clean the attribute (profile action C, or X if it is not needed), or accept the finding in"
                    + " the baseline with a reason if it is not PHI.");

    private static final Set<PhiPatterns.Kind> ALL = EnumSet.allOf(PhiPatterns.Kind.class);
    /** Coded values, coding scheme descriptions, issuer namespaces and this plugin's markers: never PHI text. */
    private static final Set<Integer> CODED = Set.of(Tag.CodeValue, Tag.CodingSchemeDesignator,
            Tag.CodingSchemeVersion, Tag.LongCodeValue, Tag.URNCodeValue, Tag.ContextIdentifier,
            Tag.MappingResource, Tag.ContextGroupVersion, Tag.DeidentificationMethod,
            Tag.ImplementationVersionName, Tag.SpecificCharacterSet, Tag.ContextUID, Tag.CodingSchemeName,
            Tag.CodingSchemeResponsibleOrganization, Tag.CodingSchemeExternalID, Tag.MappingResourceName,
            Tag.UniversalEntityID, Tag.UniversalEntityIDType);
    /**
     * Device and software descriptions carry build dates, product URLs and long version numbers;
     * only name, phone, e-mail, address and SSN shapes are looked for there.
     */
    private static final Set<Integer> DEVICE = Set.of(Tag.Manufacturer, Tag.ManufacturerModelName,
            Tag.SoftwareVersions, Tag.DeviceDescription, Tag.SecondaryCaptureDeviceManufacturer,
            Tag.SecondaryCaptureDeviceManufacturerModelName, Tag.SecondaryCaptureDeviceSoftwareVersions,
            Tag.HardcopyDeviceManufacturer, Tag.HardcopyDeviceSoftwareVersion, Tag.ManufacturerModelVersion);
    private static final Set<PhiPatterns.Kind> DEVICE_KINDS = EnumSet.of(PhiPatterns.Kind.PERSON_NAME,
            PhiPatterns.Kind.PHONE, PhiPatterns.Kind.EMAIL, PhiPatterns.Kind.STREET_ADDRESS, PhiPatterns.Kind.SSN);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkFile(CheckedFile file, VerifyContext ctx, FindingSink out) {
        for (ElementRef r : file.elements()) {
            VR vr = r.vr();
            if (r.element().isSequence() || CODED.contains(r.tag()) || Tags.isPrivateCreator(r.tag())) {
                continue;
            }
            if (vr == VR.AS) {
                for (String v : r.values()) {
                    if (!PhiPatterns.find(v, EnumSet.of(PhiPatterns.Kind.AGE_OVER_89)).isEmpty()) {
                        out.add(r.path(), keyword(r) + " is an age over 89", Hints.mask(v));
                    }
                }
                continue;
            }
            if (!scanned(vr)) {
                continue;
            }
            for (String v : CheckedFile.text(r)) {
                if (v.isBlank() || Dummies.isDummy(vr == VR.UN ? VR.LO : vr, v.strip())) {
                    continue;
                }
                List<PhiPatterns.Match> matches = PhiPatterns.find(v, DEVICE.contains(r.tag()) ? DEVICE_KINDS : ALL);
                if (!matches.isEmpty()) {
                    PhiPatterns.Match m = matches.get(0);
                    out.add(r.path(), keyword(r) + " contains text that looks like " + describe(m.kind())
                            + (matches.size() > 1 ? " (and " + (matches.size() - 1) + " more)" : ""),
                            Hints.mask(v.substring(m.start(), m.end())));
                    break;
                }
            }
        }
    }

    private static boolean scanned(VR vr) {
        return switch (vr) {
            case LO, SH, ST, LT, UT, UC, PN, UN, OB -> true;
            default -> false;
        };
    }

    static String keyword(ElementRef r) {
        String k = ElementDictionary.standard().keywordOf(r.tag());
        return r.creator() != null ? "private element of " + quote(r.creator()) : k.isEmpty() ? "element" : k;
    }

    private static String quote(String creator) {
        return "\"" + creator + "\"";
    }

    static String describe(PhiPatterns.Kind kind) {
        return switch (kind) {
            case DATE -> "a date";
            case PHONE -> "a phone number";
            case EMAIL -> "an e-mail address";
            case SSN -> "a social security number";
            case ID_NUMBER -> "a record or ID number";
            case STREET_ADDRESS -> "a street address";
            case POSTCODE -> "a postcode";
            case AGE_OVER_89 -> "an age over 89";
            case PERSON_NAME -> "a person's name";
            case URL -> "a URL";
            case IP_ADDRESS -> "an IP address";
        };
    }
}
