package org.dicomtools.deid.engine;

import java.util.OptionalInt;

import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;
import org.dicomtools.deid.profile.AttributeLookup;

/**
 * Expands replacement templates (the profile checked their syntax): {@code {hash:N}} is N base32
 * characters of the keyed hash of the original value under the attribute's keyword, so one
 * attribute gives the same pseudonym wherever it occurs; {@code {pseudonym:Keyword}} is the
 * pseudonym of another attribute's original value in the same dataset (for example a patient name
 * made from the pseudonymous Patient ID).
 */
final class Templates {
    /** Computes the pseudonym of a value as an attribute formats it. */
    @FunctionalInterface
    interface PseudonymSource {
        String pseudonymOf(String keyword, String value, VR vr);
    }

    private Templates() {
    }

    static String expand(String template, String value, String keyword, Pseudonymizer keys, AttributeLookup lookup,
            PseudonymSource pseudonyms) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            String placeholder = template.substring(i + 1, close);
            int colon = placeholder.indexOf(':');
            String name = placeholder.substring(0, colon);
            String arg = placeholder.substring(colon + 1);
            if (name.equals("hash")) {
                out.append(keys.token("pseudonym:" + keyword, value, Integer.parseInt(arg)));
            } else if (name.equals("pseudonym") && pseudonyms != null) {
                ElementDictionary dict = ElementDictionary.standard();
                OptionalInt tag = dict.tagOf(arg);
                String original = tag.isPresent() ? lookup.value(tag.getAsInt()) : null;
                if (original != null && !original.trim().isEmpty()) {
                    out.append(pseudonyms.pseudonymOf(arg, original.trim(), dict.vrOf(tag.getAsInt())));
                }
            }
            i = close + 1;
        }
        return out.toString();
    }
}
