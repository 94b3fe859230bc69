package org.dicomtools.deid.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicomtools.deid.dicom.Tags;
import org.dicomtools.deid.dicom.VR;

/**
 * The rules of a profile arranged for {@link Profile#decide}: one slot per selector, each holding
 * the decision of its unconditioned rule and of its conditioned rules, precomputed for the enabled
 * options, and the slots in hash tables by tag, by creator and by VR.
 *
 * <p>Cost of one decision, without conditions: for a standard element, one int-hash lookup, then a
 * scan of the mask slots (one per distinct mask selector; three in the basic profile) only when no
 * exact rule exists; for a private element, one string-hash lookup of its creator (the creator's
 * hash code is cached by {@link String}) and two int-hash lookups. No allocation, no regular
 * expression. A slot with conditions evaluates them latest rule first, each test one
 * {@link AttributeLookup#value(int)} call.
 */
final class RuleIndex {
    /** The rules of one selector: at most one without condition, any number with one. */
    private static final class Slot {
        final Selector selector;
        /** Position of the slot's latest rule in the profile, for ties between masks. */
        int order;
        Decision unconditioned;
        final List<Condition> conditions = new ArrayList<>();
        final List<Decision> conditioned = new ArrayList<>();
        Condition[] conditionArray;
        Decision[] conditionedArray;

        Slot(Selector selector) {
            this.selector = selector;
        }

        void freeze() {
            // The latest conditioned rule is tried first.
            int n = conditions.size();
            conditionArray = new Condition[n];
            conditionedArray = new Decision[n];
            for (int i = 0; i < n; i++) {
                conditionArray[i] = conditions.get(n - 1 - i);
                conditionedArray[i] = conditioned.get(n - 1 - i);
            }
        }

        Decision pick(AttributeLookup lookup) {
            for (int i = 0; i < conditionArray.length; i++) {
                if (conditionArray[i].holds(lookup)) {
                    return conditionedArray[i];
                }
            }
            return unconditioned;
        }
    }

    /** The private blocks of one creator: element slots by (group << 8 | offset), block slots by group. */
    private static final class CreatorTables {
        final Map<Integer, Slot> elementSlots = new LinkedHashMap<>();
        final Map<Integer, Slot> blockSlots = new LinkedHashMap<>();
        IntMap<Slot> elements;
        IntMap<Slot> blocks;
    }

    private final IntMap<Slot> exact;
    private final Map<String, CreatorTables> creators;
    private final Slot[] masks;
    private final Slot unknownCreator;
    private final Slot privateData;
    private final Slot privateCreator;
    private final Slot[] byVr;
    private final Slot any;

    /** Indexes {@code rules} (already merged: one rule per selector and condition) for {@code options}. */
    RuleIndex(List<Rule> rules, Set<Option> options) {
        Map<Selector, Slot> slots = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            Slot slot = slots.computeIfAbsent(rule.selector(), Slot::new);
            slot.order = i;
            Decision decision = Decision.of(rule, options);
            if (rule.condition() == null) {
                slot.unconditioned = decision;
            } else {
                slot.conditions.add(rule.condition());
                slot.conditioned.add(decision);
            }
        }
        Map<Integer, Slot> exactSlots = new HashMap<>();
        Map<String, CreatorTables> creatorTables = new HashMap<>();
        List<Slot> maskSlots = new ArrayList<>();
        Slot unknown = null;
        Slot privateSlot = null;
        Slot creatorSlot = null;
        Slot anySlot = null;
        Slot[] vrSlots = new Slot[VR.values().length];
        for (Slot slot : slots.values()) {
            slot.freeze();
            Selector s = slot.selector;
            if (s instanceof Selector.ExactTag) {
                exactSlots.put(((Selector.ExactTag) s).tag(), slot);
            } else if (s instanceof Selector.CreatorElement) {
                Selector.CreatorElement ce = (Selector.CreatorElement) s;
                creatorTables.computeIfAbsent(ce.creator(), c -> new CreatorTables())
                        .elementSlots.put(ce.group() << 8 | ce.offset(), slot);
            } else if (s instanceof Selector.CreatorBlock) {
                Selector.CreatorBlock cb = (Selector.CreatorBlock) s;
                creatorTables.computeIfAbsent(cb.creator(), c -> new CreatorTables()).blockSlots.put(cb.group(), slot);
            } else if (s instanceof Selector.TagMask) {
                maskSlots.add(slot);
            } else if (s instanceof Selector.UnknownCreator) {
                unknown = slot;
            } else if (s instanceof Selector.PrivateData) {
                privateSlot = slot;
            } else if (s instanceof Selector.PrivateCreator) {
                creatorSlot = slot;
            } else if (s instanceof Selector.ByVr) {
                vrSlots[((Selector.ByVr) s).vr().ordinal()] = slot;
            } else {
                anySlot = slot;
            }
        }
        for (CreatorTables t : creatorTables.values()) {
            t.elements = intMap(t.elementSlots);
            t.blocks = intMap(t.blockSlots);
        }
        // Most fixed digits first; among equals, the later rule first.
        maskSlots.sort(Comparator.<Slot>comparingInt(slot -> -slot.selector.rank()).thenComparingInt(slot -> -slot.order));
        this.exact = intMap(exactSlots);
        this.creators = Map.copyOf(creatorTables);
        this.masks = maskSlots.toArray(new Slot[0]);
        this.unknownCreator = unknown;
        this.privateData = privateSlot;
        this.privateCreator = creatorSlot;
        this.byVr = vrSlots;
        this.any = anySlot;
    }

    private static IntMap<Slot> intMap(Map<Integer, Slot> map) {
        int[] keys = new int[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<Integer, Slot> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new IntMap<>(keys, values);
    }

    /** See {@link Profile#decide}. */
    Decision decide(int tag, VR vr, String creator, boolean creatorMissing, AttributeLookup lookup) {
        AttributeLookup attributes = lookup == null ? AttributeLookup.NONE : lookup;
        boolean isPrivateData = Tags.isPrivateData(tag);
        boolean missing = creatorMissing || creator == null || creator.isBlank();
        CreatorTables tables = null;
        Decision d;
        if (isPrivateData && !missing && !creators.isEmpty()) {
            tables = creators.get(creator.strip());
            if (tables != null && (d = pick(tables.elements.get(Tags.group(tag) << 8 | (tag & 0xFF)), attributes)) != null) {
                return d;
            }
        }
        if ((d = pick(exact.get(tag), attributes)) != null) {
            return d;
        }
        if (tables != null && (d = pick(tables.blocks.get(Tags.group(tag)), attributes)) != null) {
            return d;
        }
        for (Slot slot : masks) {
            if (((Selector.TagMask) slot.selector).matches(tag) && (d = slot.pick(attributes)) != null) {
                return d;
            }
        }
        if (isPrivateData && missing && (d = pick(unknownCreator, attributes)) != null) {
            return d;
        }
        if (Tags.isPrivate(tag) && (d = pick(Tags.isPrivateCreator(tag) ? privateCreator : privateData, attributes)) != null) {
            return d;
        }
        if (vr != null && (d = pick(byVr[vr.ordinal()], attributes)) != null) {
            return d;
        }
        d = pick(any, attributes);
        return d != null ? d : Decision.UNSELECTED;
    }

    private static Decision pick(Slot slot, AttributeLookup lookup) {
        return slot == null ? null : slot.pick(lookup);
    }
}
