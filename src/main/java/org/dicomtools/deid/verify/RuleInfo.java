package org.dicomtools.deid.verify;

import java.util.Objects;

/**
 * Describes one verify rule for reports: its stable id (the same in every report format and in the
 * failure message), a short name, the default severity and help text that says what the rule looks
 * for and how to fix a finding.
 *
 * @param id stable identifier such as {@code phi-attribute}
 * @param name short human name
 * @param severity default severity of its findings
 * @param help one paragraph of help text
 */
public record RuleInfo(String id, String name, Severity severity, String help) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(help, "help");
    }
}
