package org.dicomtools.deid.profile;

import java.util.Objects;
import org.dicomtools.deid.dicom.Tags;

/**
 * A private element (or a whole private block) that a profile keeps: a creator rule whose action,
 * with the profile's options, is K. The verify goal uses the list to accept these elements.
 *
 * @param creator the private creator, trimmed
 * @param group the odd group
 * @param offset the element's offset in the block, the {@code EE} of {@code (GGGG,xxEE)}, or -1
 *     when the whole block is kept
 * @param rule the rule that keeps it; its condition, if any, still applies
 */
public record SafePrivate(String creator, int group, int offset, Rule rule) {
    /** Checks the fields. */
    public SafePrivate {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(rule, "rule");
        if (offset < -1 || offset > 0xFF) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }

    /**
     * True when the private data element {@code tag}, in a block reserved by {@code creator}
     * (compared trimmed), is this one (or in this block).
     */
    public boolean matches(String creator, int tag) {
        return creator != null && Tags.isPrivateData(tag) && Tags.group(tag) == group
                && (offset < 0 || (tag & 0xFF) == offset) && creator.strip().equals(this.creator);
    }
}
