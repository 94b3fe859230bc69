package org.dicomtools.deid.pixel.text;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Prints precision and recall of {@link TextDetector} with default settings on the synthetic set,
 * per category, with the missed labels and false boxes, and the time per image at 512x512 and
 * 1024x1024. Run it from the test classpath after {@code ./mvnw test-compile}: {@code java -cp
 * target/classes:target/test-classes org.dicomtools.deid.pixel.text.TextDetectorEvaluation
 * [imagesPerCategory] [seed]}.
 */
final class TextDetectorEvaluation {

    private TextDetectorEvaluation() {
    }

    public static void main(String[] args) {
        int perCategory = args.length > 0 ? Integer.parseInt(args[0]) : TextDetectorTest.IMAGES_PER_CATEGORY;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : TextDetectorTest.SEED;
        TextDetector detector = new TextDetector(TextDetector.Settings.DEFAULT);
        Scorecard card = run(detector, perCategory, seed);
        System.out.print(card.table());
        System.out.println("missed labels:");
        card.misses().forEach(m -> System.out.println("  " + m));
        System.out.println("false boxes:");
        card.falseBoxes().forEach(m -> System.out.println("  " + m));
        System.out.println("time per image, best of 20 runs, one thread:");
        for (int[] size : new int[][] {{512, 512}, {1024, 1024}}) {
            for (int index = 0; index < 4; index++) {
                LabelledImage image = SyntheticImages.image(index, seed);
                Raster r = resized(image.raster(), size[0], size[1]);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    detector.detect(r);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("  %-11s %4dx%-4d %6.1f ms%n", image.category(), size[0], size[1], best / 1e6);
            }
        }
    }

    /**
     * Generates and scores the set, images in parallel (each is a pure function of its index and
     * the seed, so the result does not depend on scheduling; the times do).
     */
    static Scorecard run(TextDetector detector, int perCategory, long seed) {
        record Outcome(String category, String name, List<Box> labels, List<Box> hard, List<TextBox> boxes, long nanos) {
        }
        List<Outcome> outcomes = IntStream.range(0, 4 * perCategory).parallel().mapToObj(i -> {
            LabelledImage image = SyntheticImages.image(i, seed);
            long t0 = System.nanoTime();
            List<TextBox> boxes = detector.detect(image.raster());
            return new Outcome(image.category(), image.name(), image.labels(), image.overAnatomy(), boxes,
                    System.nanoTime() - t0);
        }).collect(Collectors.toList());
        Scorecard card = new Scorecard();
        for (Outcome o : outcomes) {
            card.add(o.category(), o.name(), o.labels(), o.hard(), o.boxes(), o.nanos());
        }
        return card;
    }

    /** The image cropped or tiled (mirrored copies) to another size, for timing. */
    private static Raster resized(Raster r, int width, int height) {
        int[] s = new int[width * height];
        for (int y = 0; y < height; y++) {
            int sy = y % (2 * r.height());
            sy = sy < r.height() ? sy : 2 * r.height() - 1 - sy;
            for (int x = 0; x < width; x++) {
                int sx = x % (2 * r.width());
                sx = sx < r.width() ? sx : 2 * r.width() - 1 - sx;
                s[y * width + x] = r.sample(sx, sy);
            }
        }
        return new Raster(width, height, s, r.maxValue());
    }
}
