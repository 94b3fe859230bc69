package org.dicomtools.deid.profile;

import java.util.Objects;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;
import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * Which elements a rule addresses. Each kind has a rank; when several rules match an element, the
 * rule whose selector has the highest rank wins (see {@link #rank()}), whatever the order of the
 * lines. {@code toString()} gives the selector as a profile file writes it.
 */
public sealed interface Selector {
    /** Rank of {@link CreatorElement}: one element of a private block, named by creator. */
    int RANK_CREATOR_ELEMENT = 90;
    /** Rank of {@link ExactTag}. */
    int RANK_EXACT_TAG = 80;
    /** Rank of {@link CreatorBlock}: a whole private block, named by creator. */
    int RANK_CREATOR_BLOCK = 70;
    /** Rank of a {@link TagMask} with no fixed digit; each fixed hex digit adds one (up to 7). */
    int RANK_MASK = 50;
    /** Rank of {@link UnknownCreator}. */
    int RANK_UNKNOWN_CREATOR = 40;
    /** Rank of {@link PrivateData} and {@link PrivateCreator} (they never match the same element). */
    int RANK_PRIVATE = 30;
    /** Rank of {@link ByVr}. */
    int RANK_VR = 20;
    /** Rank of {@link Any}. */
    int RANK_ANY = 10;

    /**
     * The specificity of this selector; higher wins. Order: creator element, exact tag, creator
     * block, masks (more fixed hex digits first), unknown creator, private data and private creator,
     * VR, anything.
     */
    int rank();

    /** One tag, such as {@code (0010,0010)}; a keyword selects the same. */
    record ExactTag(int tag) implements Selector {
        @Override
        public int rank() {
            return RANK_EXACT_TAG;
        }

        /** The tag, followed by its keyword when the data dictionary has one: {@code (0010,0010) PatientName}. */
        @Override
        public String toString() {
            String keyword = ElementDictionary.standard().keywordOf(tag);
            return keyword.isEmpty() || Tags.isPrivate(tag) ? Tags.toString(tag) : Tags.toString(tag) + " " + keyword;
        }
    }

    /**
     * Tags with wildcard hex digits, such as {@code (50xx,xxxx)} or {@code (0020,31xx)}. A tag
     * matches when {@code (tag & mask) == value}. A mask with a wildcard in the group matches even
     * groups only: repeating groups (PS3.5 7.6) are even, and an odd group is private.
     *
     * @param value the tag with 0 in every wildcard digit
     * @param mask {@code F} in every fixed digit, {@code 0} in every wildcard digit
     */
    record TagMask(int value, int mask) implements Selector {
        /** Checks that the value has no bits outside the mask and that some digit is a wildcard. */
        public TagMask {
            if ((value & ~mask) != 0 || mask == 0xFFFFFFFF) {
                throw new IllegalArgumentException("bad mask " + Integer.toHexString(value) + "/"
                        + Integer.toHexString(mask));
            }
        }

        /** The number of fixed hex digits, 0 to 7. */
        public int fixedDigits() {
            int n = 0;
            for (int i = 0; i < 8; i++) {
                if (((mask >>> (4 * i)) & 0xF) != 0) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public int rank() {
            return RANK_MASK + fixedDigits();
        }

        /** True when {@code tag} is one of the tags this mask stands for. */
        public boolean matches(int tag) {
            return (tag & mask) == value && ((mask & 0xFFFF0000) == 0xFFFF0000 || (tag & 0x00010000) == 0);
        }

        /** The mask in the standard's notation, lower-case {@code x} for each wildcard: {@code (60xx,3000)}. */
        @Override
        public String toString() {
            String hex = Tags.toHex(value);
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    sb.append(',');
                }
                boolean fixed = ((mask >>> (4 * (7 - i))) & 0xF) != 0;
                sb.append(fixed ? hex.charAt(i) : 'x');
            }
            return sb.append(')').toString();
        }
    }

    /**
     * One element of a private block: the block's creator (trimmed) and group, and the element's
     * offset in the block, the {@code EE} of {@code (GGGG,xxEE)}.
     */
    record CreatorElement(String creator, int group, int offset) implements Selector {
        /** Checks the creator and the ranges of group and offset. */
        public CreatorElement {
            Objects.requireNonNull(creator, "creator");
            if ((group & 1) == 0 || group < 0x0009 || group > 0xFFFE || offset < 0 || offset > 0xFF) {
                throw new IllegalArgumentException("bad private element " + group + "," + offset);
            }
        }

        @Override
        public int rank() {
            return RANK_CREATOR_ELEMENT;
        }

        /** As written in a profile: {@code "GEMS_PARM_01" (0043,xx27)}. */
        @Override
        public String toString() {
            return ProfileParser.quote(creator) + " (" + Tags.toHex(group << 16).substring(0, 4) + ",xx"
                    + Tags.toHex(offset).substring(6) + ")";
        }
    }

    /** Every data element of the private blocks of one creator (trimmed) in one group. */
    record CreatorBlock(String creator, int group) implements Selector {
        /** Checks the creator and the group. */
        public CreatorBlock {
            Objects.requireNonNull(creator, "creator");
            if ((group & 1) == 0 || group < 0x0009 || group > 0xFFFE) {
                throw new IllegalArgumentException("bad private group " + group);
            }
        }

        @Override
        public int rank() {
            return RANK_CREATOR_BLOCK;
        }

        /** As written in a profile: {@code "SIEMENS CSA HEADER" (0029,xxxx)}. */
        @Override
        public String toString() {
            return ProfileParser.quote(creator) + " (" + Tags.toHex(group << 16).substring(0, 4) + ",xxxx)";
        }
    }

    /**
     * Private data elements whose creator element is missing or empty: nothing tells what they
     * hold, so they can never be known to be safe (PS3.15 E.3.10 retains only private attributes
     * known to be safe), and the shipped profiles remove them.
     */
    record UnknownCreator() implements Selector {
        @Override
        public int rank() {
            return RANK_UNKNOWN_CREATOR;
        }

        @Override
        public String toString() {
            return "unknown-creator";
        }
    }

    /**
     * Every element of a private group (odd, above 0007) except the private creators: the private
     * data elements (gggg,1000-FFFF) of PS3.5 7.8.1, and the elements that PS3.5 leaves unused
     * there ((gggg,0000-000F), (gggg,0100-0FFF)), which no rule can show to be safe either.
     */
    record PrivateData() implements Selector {
        @Override
        public int rank() {
            return RANK_PRIVATE;
        }

        @Override
        public String toString() {
            return "private";
        }
    }

    /** Every private creator element (gggg,0010-00FF) in an odd group (PS3.5 7.8.1). */
    record PrivateCreator() implements Selector {
        @Override
        public int rank() {
            return RANK_PRIVATE;
        }

        @Override
        public String toString() {
            return "private-creator";
        }
    }

    /** Every element of one VR, as the engine reports the VR of the element in the file. */
    record ByVr(VR vr) implements Selector {
        /** Checks the VR. */
        public ByVr {
            Objects.requireNonNull(vr, "vr");
        }

        @Override
        public int rank() {
            return RANK_VR;
        }

        @Override
        public String toString() {
            return "vr:" + vr.name();
        }
    }

    /** Every element no other rule selects. */
    record Any() implements Selector {
        @Override
        public int rank() {
            return RANK_ANY;
        }

        @Override
        public String toString() {
            return "*";
        }
    }
}
