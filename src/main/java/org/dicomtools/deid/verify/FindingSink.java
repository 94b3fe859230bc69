package org.dicomtools.deid.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule for one file (or for the dataset). */
public final class FindingSink {
    private final RuleInfo rule;
    private final String file;
    private final List<Finding> out;

    FindingSink(RuleInfo rule, String file, List<Finding> out) {
        this.rule = rule;
        this.file = file;
        this.out = out;
    }

    /** Adds a finding at the rule's severity; {@code hint} must already be masked (see {@link Hints}). */
    public void add(String tagPath, String message, String hint) {
        out.add(new Finding(rule.id(), rule.severity(), file, tagPath, message, hint));
    }

    /** Adds a finding for another file (dataset-wide checks). */
    public void add(String otherFile, String tagPath, String message, String hint) {
        out.add(new Finding(rule.id(), rule.severity(), otherFile, tagPath, message, hint));
    }

    static List<Finding> list() {
        return new ArrayList<>();
    }
}
