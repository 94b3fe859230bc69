package org.dicomtools.deid.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One rule line of a profile: {@code <selector> <action> [<option>=<action> ...] [when <condition>]}.
 * The record keeps the actions as declared (compound PS3.15 codes included); {@link #base()} and
 * {@link #optionActions()} give them resolved, as the engine applies them.
 *
 * @param selector the elements the rule addresses
 * @param declaredAction the action of the rule when no enabled option has an entry, as written
 * @param declaredOptions the per-option actions, as written; an entry applies when its option is
 *     enabled
 * @param condition the {@code when} part, or {@code null} for a rule that always competes
 * @param source where the rule comes from, such as {@code builtin:basic}, {@code src/deid/my.profile}
 *     or {@code pom}
 * @param line the 1-based line number in {@code source} (for pom rules, the position in the list)
 */
public record Rule(Selector selector, Action declaredAction, Map<Option, Action> declaredOptions,
        Condition condition, String source, int line) {
    /** Checks the fields and copies the option map. */
    public Rule {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(declaredAction, "declaredAction");
        Objects.requireNonNull(source, "source");
        EnumMap<Option, Action> copy = new EnumMap<>(Option.class);
        copy.putAll(declaredOptions);
        declaredOptions = Collections.unmodifiableMap(copy);
    }

    /** The action when no enabled option has an entry, resolved (X/Z gives Z; see {@link ActionCode}). */
    public Action base() {
        return declaredAction.resolved();
    }

    /** The base action as declared, such as {@code X/Z/D} or {@code hash}. */
    public String declared() {
        return declaredAction.code().token();
    }

    /** The per-option actions, resolved, in option order. */
    public Map<Option, Action> optionActions() {
        EnumMap<Option, Action> resolved = new EnumMap<>(Option.class);
        declaredOptions.forEach((o, a) -> resolved.put(o, a.resolved()));
        return Collections.unmodifiableMap(resolved);
    }

    /**
     * The option whose entry applies when {@code enabled} are the enabled options, or {@code null}
     * when the base action applies. Among enabled options with an entry, the most protective action
     * wins (X, Z, D, C, U, hash, replace, shift, year, cap-age, K); on a tie, the option first in
     * {@link Option} order.
     */
    public Option applicableOption(Set<Option> enabled) {
        Option best = null;
        int bestProtection = -1;
        for (Map.Entry<Option, Action> e : declaredOptions.entrySet()) {
            int protection = e.getValue().code().protection();
            if (enabled.contains(e.getKey()) && protection > bestProtection) {
                best = e.getKey();
                bestProtection = protection;
            }
        }
        return best;
    }

    /** Where the rule comes from, as {@code source:line}. */
    public String location() {
        return source + ":" + line;
    }

    /** The rule in the canonical syntax of a profile file. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(selector).append(' ').append(declaredAction);
        declaredOptions.forEach((o, a) -> sb.append(' ').append(o.keyword()).append('=').append(a));
        if (condition != null) {
            sb.append(" when ").append(condition);
        }
        return sb.toString();
    }
}
