package org.dicomtools.deid.profile;

import java.util.Objects;
import java.util.Set;

/**
 * What a profile decides for one element.
 *
 * @param action the action to apply, always concrete (never a compound PS3.15 code)
 * @param declared the code as the profile declared it, before resolution, such as {@code X/Z/D}
 *     or {@code K}; for provenance in logs and dry runs
 * @param rule the rule that decided, or {@code null} when no rule selects the element (the element
 *     is then kept: {@code K})
 * @param option the enabled option whose entry in the rule gave the action, or {@code null} when
 *     the rule's base action applies
 */
public record Decision(Action action, String declared, Rule rule, Option option) {
    /** The decision for an element no rule selects: keep it. */
    public static final Decision UNSELECTED = new Decision(Action.of(ActionCode.K), "K", null, null);

    /** Checks that the action is concrete. */
    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(declared, "declared");
        if (action.code().isCompound()) {
            throw new IllegalArgumentException("unresolved action " + action);
        }
    }

    /** The decision of {@code rule} when {@code enabled} are the enabled options. */
    static Decision of(Rule rule, Set<Option> enabled) {
        Option option = rule.applicableOption(enabled);
        Action declared = option == null ? rule.declaredAction() : rule.declaredOptions().get(option);
        return new Decision(declared.resolved(), declared.code().token(), rule, option);
    }
}
