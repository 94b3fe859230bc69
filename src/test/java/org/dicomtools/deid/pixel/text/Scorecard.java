package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall per box over labelled images, per category and overall.
 *
 * <p>A detected box matches a label when their intersection over union is at least 0.5, or when
 * the detection covers at least 80 % of the label's area (a box around two stacked lines covers
 * both, which is what masking needs). A label is found when some detection matches it; a
 * detection is correct when it matches some label. Recall is found labels over labels, precision
 * correct detections over detections. The table also counts the labels of text drawn over
 * anatomy or texture (found/all), the hard cases, and the mean detection time per image.
 */
final class Scorecard {

    /** Counts for one category. */
    static final class Tally {
        int images;
        int labels;
        int found;
        int detections;
        int correct;
        int imagesWithFalseBoxes;
        int hardLabels;
        int hardFound;
        long nanos;

        double recall() {
            return labels == 0 ? 1 : (double) found / labels;
        }

        double precision() {
            return detections == 0 ? 1 : (double) correct / detections;
        }

        /** Recall on the labels of text over anatomy or texture. */
        double hardRecall() {
            return hardLabels == 0 ? 1 : (double) hardFound / hardLabels;
        }
    }

    private final Map<String, Tally> tallies = new TreeMap<>();
    private final Tally total = new Tally();
    private final List<String> misses = new ArrayList<>();
    private final List<String> falseBoxes = new ArrayList<>();

    static boolean matches(Box detection, Box label) {
        return detection.iou(label) >= 0.5 || detection.intersection(label) >= 0.8 * label.area();
    }

    /** Records one image's detections. */
    void add(LabelledImage image, List<TextBox> detected, long nanos) {
        add(image.category(), image.name(), image.labels(), image.overAnatomy(), detected, nanos);
    }

    /** Records one image's detections; {@code hard} is the subset of labels over anatomy. */
    void add(String category, String name, List<Box> labels, List<Box> hard, List<TextBox> detected, long nanos) {
        Tally t = tallies.computeIfAbsent(category, k -> new Tally());
        int found = 0;
        int hardFound = 0;
        for (Box label : labels) {
            boolean hit = false;
            for (TextBox d : detected) {
                hit |= matches(Box.of(d), label);
            }
            if (hit) {
                found++;
                hardFound += hard.contains(label) ? 1 : 0;
            } else {
                misses.add(name + " label " + label);
            }
        }
        int correct = 0;
        for (TextBox d : detected) {
            boolean hit = false;
            for (Box label : labels) {
                hit |= matches(Box.of(d), label);
            }
            if (hit) {
                correct++;
            } else {
                falseBoxes.add(name + " box " + d);
            }
        }
        for (Tally x : List.of(t, total)) {
            x.images++;
            x.labels += labels.size();
            x.found += found;
            x.detections += detected.size();
            x.correct += correct;
            x.imagesWithFalseBoxes += correct < detected.size() ? 1 : 0;
            x.hardLabels += hard.size();
            x.hardFound += hardFound;
            x.nanos += nanos;
        }
    }

    Tally total() {
        return total;
    }

    Map<String, Tally> byCategory() {
        return tallies;
    }

    List<String> misses() {
        return misses;
    }

    List<String> falseBoxes() {
        return falseBoxes;
    }

    /** A table with one row per category and a total row. */
    String table() {
        StringBuilder b = new StringBuilder(String.format(
                "%-11s %6s %6s %6s %6s %6s %9s %9s %7s %12s %8s%n", "category", "images", "labels", "found", "boxes",
                "right", "recall", "precision", "fp-img", "on-anatomy", "ms/img"));
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        row(b, "all", total);
        return b.toString();
    }

    /** One row; recall and precision are left blank for images without text (only false boxes count). */
    private static void row(StringBuilder b, String name, Tally t) {
        String recall = t.labels == 0 ? "-" : String.format("%.4f", t.recall());
        String precision = t.labels == 0 ? "-" : String.format("%.4f", t.precision());
        b.append(String.format("%-11s %6d %6d %6d %6d %6d %9s %9s %7d %5d/%-6d %8.1f%n", name, t.images, t.labels,
                t.found, t.detections, t.correct, recall, precision, t.imagesWithFalseBoxes, t.hardFound,
                t.hardLabels, t.nanos / 1e6 / Math.max(1, t.images)));
    }
}
