package org.dicomtools.deid.profile;

/**
 * How a rule's condition reads other attributes of the dataset being de-identified. The engine
 * supplies it: for an element inside a sequence item, the nearest item is searched first, then its
 * ancestors up to the top-level dataset.
 */
@FunctionalInterface
public interface AttributeLookup {
    /** A lookup for which every attribute is absent. */
    AttributeLookup NONE = tag -> null;

    /**
     * The value of the attribute {@code tag} as text (a multi-valued value with its values joined
     * by backslashes, as encoded), or {@code null} when the attribute is absent. The original
     * value: conditions are evaluated before any action changes the dataset.
     */
    String value(int tag);
}
