package org.dicomtools.deid.profile;

import java.util.Objects;

/**
 * An action of a profile rule: a code, and for {@link ActionCode#REPLACE} the template of the new
 * value. Templates are literal text with the placeholders {@code {hash:N}} (the first N characters,
 * 1 to 32, of the keyed hash of the original value) and {@code {pseudonym:Keyword}} (the keyed
 * pseudonym of another attribute of the same dataset, as its {@code pseudonym.<Keyword>} setting
 * formats it). Braces cannot occur as literal text.
 *
 * @param code the action code, possibly compound as declared in the profile
 * @param template the template for {@link ActionCode#REPLACE}, {@code null} for every other code
 */
public record Action(ActionCode code, String template) {
    /** Checks that exactly the REPLACE code carries a template. */
    public Action {
        Objects.requireNonNull(code, "code");
        if ((code == ActionCode.REPLACE) != (template != null)) {
            throw new IllegalArgumentException(code == ActionCode.REPLACE
                    ? "replace needs a template" : "only replace takes a template, not " + code.token());
        }
    }

    /** The action of a code without template. */
    public static Action of(ActionCode code) {
        return new Action(code, null);
    }

    /** This action with its code resolved (PS3.15 choices become the concrete code; see {@link ActionCode}). */
    public Action resolved() {
        return code.isCompound() ? of(code.resolved()) : this;
    }

    /** The action as a profile file writes it: {@code X/Z}, {@code replace "ANON-{hash:8}"}. */
    @Override
    public String toString() {
        return template == null ? code.token() : code.token() + " " + ProfileParser.quote(template);
    }
}
