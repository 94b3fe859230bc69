package org.dicomtools.deid.profile;

import java.util.List;
import java.util.Objects;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.dict.ElementDictionary;

/**
 * The {@code when} part of a rule: tests on other attributes of the dataset, all of which must
 * hold. Values are compared after trimming leading and trailing spaces (and NUL padding), case
 * sensitively, with the whole value as {@link AttributeLookup#value(int)} gives it.
 *
 * @param tests the tests, joined by {@code and}; never empty
 */
public record Condition(List<Test> tests) {
    /** Copies the tests and checks that there is one at least. */
    public Condition {
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a condition needs a test");
        }
    }

    /** How a test compares the attribute. */
    public enum Operator {
        /** {@code = v}: present and equal to v. */
        EQUALS,
        /** {@code != v}: absent, or present and different from v. */
        NOT_EQUALS,
        /** {@code in (v1, v2, ...)}: present and equal to one of the values. */
        IN,
        /** {@code present}: the attribute is there (even with an empty value). */
        PRESENT,
        /** {@code absent}: the attribute is not there. */
        ABSENT
    }

    /**
     * One test.
     *
     * @param tag the attribute tested
     * @param operator the comparison
     * @param values the trimmed values compared with: one for EQUALS and NOT_EQUALS, one or more for
     *     IN, none for PRESENT and ABSENT
     */
    public record Test(int tag, Operator operator, List<String> values) {
        /** Copies the values and checks their number against the operator. */
        public Test {
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            boolean ok;
            switch (operator) {
                case EQUALS:
                case NOT_EQUALS:
                    ok = values.size() == 1;
                    break;
                case IN:
                    ok = !values.isEmpty();
                    break;
                default:
                    ok = values.isEmpty();
                    break;
            }
            if (!ok) {
                throw new IllegalArgumentException(operator + " cannot take " + values.size() + " values");
            }
        }

        /** Evaluates the test against the dataset. */
        public boolean holds(AttributeLookup lookup) {
            String value = lookup.value(tag);
            switch (operator) {
                case PRESENT:
                    return value != null;
                case ABSENT:
                    return value == null;
                case EQUALS:
                    return value != null && values.get(0).equals(value.trim());
                case NOT_EQUALS:
                    return value == null || !values.get(0).equals(value.trim());
                default:
                    if (value == null) {
                        return false;
                    }
                    String v = value.trim();
                    for (int i = 0; i < values.size(); i++) {
                        if (values.get(i).equals(v)) {
                            return true;
                        }
                    }
                    return false;
            }
        }

        /** As written in a profile: {@code Modality in ("US", "XA")}. */
        @Override
        public String toString() {
            String keyword = ElementDictionary.standard().keywordOf(tag);
            String attribute = keyword.isEmpty() ? Tags.toString(tag) : keyword;
            switch (operator) {
                case PRESENT:
                    return attribute + " present";
                case ABSENT:
                    return attribute + " absent";
                case EQUALS:
                    return attribute + " = " + ProfileParser.quote(values.get(0));
                case NOT_EQUALS:
                    return attribute + " != " + ProfileParser.quote(values.get(0));
                default:
                    StringBuilder sb = new StringBuilder(attribute).append(" in (");
                    for (int i = 0; i < values.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(ProfileParser.quote(values.get(i)));
                    }
                    return sb.append(')').toString();
            }
        }
    }

    /** True when every test holds. */
    public boolean holds(AttributeLookup lookup) {
        for (int i = 0; i < tests.size(); i++) {
            if (!tests.get(i).holds(lookup)) {
                return false;
            }
        }
        return true;
    }

    /** As written in a profile, without the {@code when}: {@code Modality = "US" and BurnedInAnnotation present}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Test t : tests) {
            sb.append(sb.length() == 0 ? "" : " and ").append(t);
        }
        return sb.toString();
    }
}
