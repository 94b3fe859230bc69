package org.dicomtools.deid.pixel.text;

import java.util.random.RandomGenerator;

/**
 * How one line of synthetic text is drawn: which of the three font designs, its size, weight and
 * slant.
 *
 * @param design 0 for the 5x7 pixel font, 1 for the 3x5 pixel font, 2 for the stroke font
 * @param size pixel scale for the pixel fonts, capital height in pixels for the stroke font
 * @param bold heavier strokes
 * @param slant italic shear (0 for upright)
 */
record TextStyle(int design, double size, boolean bold, double slant) {

    private static final StrokeFont STROKE = new StrokeFont();

    /** A random style whose capitals are at most {@code maxCap} pixels high. */
    static TextStyle random(RandomGenerator random, int maxCap) {
        int pick = random.nextInt(10);
        boolean bold = random.nextInt(4) == 0;
        double slant = random.nextInt(7) == 0 ? 0.2 : 0;
        if (pick < 4) {
            int[] scales = {1, 1, 1, 2, 2, 2, 2, 3, 3, 4};
            int scale = scales[random.nextInt(scales.length)];
            while (scale > 1 && 7 * scale > maxCap) {
                scale--;
            }
            return new TextStyle(0, scale, bold, slant);
        }
        if (pick < 6) {
            int scale = 2 + random.nextInt(3);
            while (scale > 2 && 5 * scale > maxCap) {
                scale--;
            }
            // Three columns leave no room for a bold weight.
            return new TextStyle(1, scale, false, 0);
        }
        double cap = 8 + random.nextDouble() * (Math.max(9, Math.min(30, maxCap)) - 8);
        return new TextStyle(2, cap, bold, slant);
    }

    /** The same design at another size, for lines of one device. */
    TextStyle resized(RandomGenerator random, int maxCap) {
        if (design == 2) {
            double cap = Math.max(8, Math.min(maxCap, size * (0.8 + 0.4 * random.nextDouble())));
            return new TextStyle(2, cap, bold, slant);
        }
        return this;
    }

    boolean canDraw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = switch (design) {
                case 0 -> BitmapFont.FIVE_BY_SEVEN.hasGlyph(c);
                case 1 -> BitmapFont.THREE_BY_FIVE.hasGlyph(c);
                default -> STROKE.hasGlyph(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    Ink render(String text) {
        return switch (design) {
            case 0 -> BitmapFont.FIVE_BY_SEVEN.render(text, (int) size, bold, slant);
            case 1 -> BitmapFont.THREE_BY_FIVE.render(text, (int) size, bold, slant);
            default -> STROKE.render(text, size, bold ? Math.max(1.7, size / 5.5) : Math.max(1.2, size / 9), slant);
        };
    }

    /** Pixels from the top of a capital to the baseline. */
    int capHeight() {
        return switch (design) {
            case 0 -> 7 * (int) size;
            case 1 -> 5 * (int) size;
            default -> (int) Math.round(size);
        };
    }
}
