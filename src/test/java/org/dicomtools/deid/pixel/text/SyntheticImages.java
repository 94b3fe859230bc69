package org.dicomtools.deid.pixel.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The labelled evaluation set: ultrasound-, CT- and radiograph-like images with burned-in text,
 * and clean images (anatomy only, or anatomy with rulers, tick marks, dots, calipers and single
 * orientation letters) that must give no text boxes. Every image is a pure function of its seed.
 */
final class SyntheticImages {

    static final String ULTRASOUND = "ultrasound";
    static final String CT = "ct";
    static final String RADIOGRAPH = "radiograph";
    static final String CLEAN = "clean";

    private SyntheticImages() {
    }

    /** {@code perCategory} images of each of the four categories, in {@link #image} order. */
    static List<LabelledImage> set(int perCategory, long seed) {
        List<LabelledImage> out = new ArrayList<>();
        for (int i = 0; i < 4 * perCategory; i++) {
            out.add(image(i, seed));
        }
        return out;
    }

    /** Image {@code index} of the set: ultrasound, CT, radiograph and clean in turn. */
    static LabelledImage image(int index, long seed) {
        long s = seed * 1_000_003L + index;
        return switch (index % 4) {
            case 0 -> ultrasound(s);
            case 1 -> ct(s);
            case 2 -> radiograph(s);
            default -> clean(s);
        };
    }

    // ---------------------------------------------------------------- ultrasound

    static LabelledImage ultrasound(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        int[][] sizes = {{640, 480}, {800, 600}, {512, 512}, {1024, 768}, {640, 480}};
        int[] size = sizes[r.nextInt(sizes.length)];
        Canvas c = new Canvas(size[0], size[1]);
        ultrasoundAnatomy(c, r, true);
        boolean colour = r.nextInt(4) == 0;
        double[] background = colour ? c.v.clone() : null;
        TextSamples samples = new TextSamples(r);
        int maxCap = c.height / 22;
        TextStyle style = TextStyle.random(r, maxCap);
        int[] palette = {0xFFFFFF, 0xFFFF00, 0x00FF00, 0x00FFFF, 0xFFFFFF};
        int rgb = colour ? palette[r.nextInt(palette.length)] : -1;
        double level = colour ? luminance(rgb) : (r.nextInt(4) == 0 ? 170 + r.nextInt(60) : 230 + r.nextInt(26));
        int w = c.width;
        int h = c.height;
        c.placeBlock(r, style, lines(r, samples, style, 2 + r.nextInt(3)), new Box(4, 4, w / 8, h / 12), level, rgb,
                true, false);
        c.placeBlock(r, style, lines(r, samples, style, 1 + r.nextInt(3)), new Box(w / 2 + w / 8, 4, w / 8, h / 12),
                level, rgb, true, true);
        for (int i = r.nextInt(3); i > 0; i--) {
            TextStyle s = r.nextInt(3) == 0 ? TextStyle.random(r, maxCap) : style.resized(r, maxCap);
            placeLine(c, r, s, samples, new Box(2, h / 3, w - 4, h - h / 3 - 20), level, rgb, true);
        }
        if (r.nextBoolean()) {
            // A measurement or annotation written over the image itself, white, often outlined.
            TextStyle s = style.resized(r, maxCap);
            boolean shadow = r.nextBoolean();
            String text = r.nextBoolean() ? "D1 " + (1 + r.nextInt(9)) + "." + r.nextInt(100) + " cm" : samples.next();
            if (s.canDraw(text)) {
                c.place(r, s, text, new Box(w / 4, h / 4, w / 2, h / 2), 255, colour ? 0xFFFFFF : -1, shadow, 0,
                        false, true);
            }
        }
        Raster raster = colour ? Raster.ofRgb(c.toArgb(background), w, h) : Raster.ofGray8(c.toGray8(), w, h);
        return new LabelledImage(ULTRASOUND, "ultrasound#" + seed + (colour ? " rgb" : ""), raster, c);
    }

    private static void ultrasoundAnatomy(Canvas c, RandomGenerator r, boolean markers) {
        int w = c.width;
        int h = c.height;
        for (int i = 0; i < c.v.length; i++) {
            c.v[i] = 3 + Math.abs(r.nextGaussian()) * 2;
        }
        double ax = w / 2.0 + r.nextInt(41) - 20;
        double ay = h * 0.1;
        double r0 = h * 0.05;
        double r1 = h * (0.78 + 0.1 * r.nextDouble());
        double half = Math.toRadians(28 + 14 * r.nextDouble());
        half = Math.min(half, Math.asin(Math.min(1, (w / 2.0 - 30) / r1)));
        double[] a = gaussian(r, w * h);
        double[] b = gaussian(r, w * h);
        int lateral = 1 + r.nextInt(3);
        blur(a, w, h, lateral, 1);
        blur(b, w, h, lateral, 1);
        double norm = Math.sqrt((2 * lateral + 1) * 3.0);
        double[] layers = new double[6];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = 0.6 + 0.8 * r.nextDouble();
        }
        int cysts = r.nextInt(3);
        double[][] cyst = new double[cysts][];
        for (int i = 0; i < cysts; i++) {
            double d = r0 + (r1 - r0) * (0.3 + 0.6 * r.nextDouble());
            double t = (r.nextDouble() * 1.6 - 0.8) * half;
            cyst[i] = new double[] {ax + d * Math.sin(t), ay + d * Math.cos(t), 10 + r.nextInt(40), 8 + r.nextInt(25)};
        }
        double mean = 60 + r.nextInt(50);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - ax;
                double dy = y - ay;
                double d = Math.sqrt(dx * dx + dy * dy);
                double t = Math.atan2(dx, dy);
                if (d < r0 || d > r1 || Math.abs(t) > half) {
                    continue;
                }
                int i = y * w + x;
                double depth = (d - r0) / (r1 - r0);
                double echo = layers[Math.min(layers.length - 1, (int) ((depth + 0.05 * Math.sin(x * 0.02)) * layers.length))];
                for (double[] cy : cyst) {
                    double ex = (x - cy[0]) / cy[2];
                    double ey = (y - cy[1]) / cy[3];
                    if (ex * ex + ey * ey < 1) {
                        echo *= 0.1;
                    }
                }
                double amp = Math.sqrt(a[i] * a[i] + b[i] * b[i]) * norm / 1.25;
                double gain = 1.1 - 0.4 * depth;
                // Log-like compression as on a scanner display: bright speckle rarely saturates.
                c.v[i] = 255 * (1 - Math.exp(-mean * echo * gain * amp / 160));
                c.forbid(x, y);
            }
        }
        // A bright specular boundary across the sector.
        double bd = r0 + (r1 - r0) * (0.2 + 0.6 * r.nextDouble());
        for (double t = -half; t < half; t += 0.004) {
            double d = bd + 12 * Math.sin(t * 5);
            c.line(ax + d * Math.sin(t), ay + d * Math.cos(t), ax + d * Math.sin(t + 0.004), ay + d * Math.cos(t + 0.004),
                    2 + r.nextInt(2), 200);
        }
        if (!markers) {
            return;
        }
        // Depth scale: dots beside the sector every centimetre, larger every five.
        double edgeX = ax + r1 * Math.sin(half) + 10;
        int step = Math.max(10, (int) (r1 / 16));
        for (int k = 0; ay + k * step < h - 6; k++) {
            int y = (int) (ay + k * step);
            int s = k % 5 == 0 ? 3 : 2;
            c.fillRect(new Box((int) Math.min(w - 6, edgeX), y, s, s), 200);
        }
        c.take(new Box((int) Math.min(w - 8, edgeX) - 2, 0, 8, h));
        // Focus marker: a small triangle on the left of the sector.
        int fy = (int) (ay + r1 * (0.3 + 0.4 * r.nextDouble()));
        int fx = (int) Math.max(4, ax - r1 * Math.sin(half) - 16);
        for (int k = 0; k < 5; k++) {
            c.fillRect(new Box(fx, fy - k, 5 - k, 2 * k + 1), 220);
        }
        c.take(new Box(fx - 2, fy - 7, 10, 14));
        // Grey-scale bar.
        if (r.nextBoolean()) {
            int gx = w - 18;
            int gy = h / 3;
            int gh = h / 3;
            for (int y = 0; y < gh; y++) {
                c.fillRect(new Box(gx, gy + y, 8, 1), 255.0 * (gh - y) / gh);
            }
            c.take(new Box(gx - 2, gy - 2, 12, gh + 4));
        }
    }

    // ---------------------------------------------------------------- CT

    static LabelledImage ct(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        int w = 512;
        int h = 512;
        Canvas c = new Canvas(w, h);
        ctAnatomy(c, r, true);
        TextSamples samples = new TextSamples(r);
        TextStyle style = TextStyle.random(r, 20);
        double level = r.nextInt(3) == 0 ? 1500 + r.nextInt(1500) : 3071;
        int cw = w / 5;
        int ch = h / 10;
        c.placeBlock(r, style, lines(r, samples, style, 1 + r.nextInt(3)), new Box(3, 3, cw, ch), level, -1, true, false);
        c.placeBlock(r, style, lines(r, samples, style, 1 + r.nextInt(3)), new Box(w - w / 3, 3, cw, ch), level, -1,
                true, true);
        c.placeBlock(r, style, lines(r, samples, style, 1 + r.nextInt(2)), new Box(3, h - h / 6, cw, ch), level, -1,
                true, false);
        c.placeBlock(r, style, lines(r, samples, style, 1 + r.nextInt(2)), new Box(w - w / 3, h - h / 6, cw, ch),
                level, -1, true, true);
        if (r.nextInt(3) == 0) {
            // An annotation over the body.
            placeLine(c, r, style.resized(r, 20), samples, new Box(w / 4, h / 3, w / 3, h / 3), 3071, -1, false);
        }
        boolean signed = r.nextBoolean();
        Raster raster = signed
                ? Raster.ofGray16(c.toShorts(-1024, 3071), w, h, true)
                : Raster.ofGray16(shifted(c, 1024, 0, 4095), w, h, false);
        return new LabelledImage(CT, "ct#" + seed + (signed ? " signed" : " 12-bit"), raster, c);
    }

    private static void ctAnatomy(Canvas c, RandomGenerator r, boolean markers) {
        int w = c.width;
        int h = c.height;
        double cx = w / 2.0 + r.nextInt(31) - 15;
        double cy = h / 2.0 + r.nextInt(31) - 15;
        double rx = w * (0.3 + 0.12 * r.nextDouble());
        double ry = h * (0.25 + 0.12 * r.nextDouble());
        double fat = 6 + r.nextInt(16);
        boolean chest = r.nextBoolean();
        double[][] organs = new double[2 + r.nextInt(4)][];
        for (int i = 0; i < organs.length; i++) {
            organs[i] = new double[] {cx + (r.nextDouble() - 0.5) * rx, cy + (r.nextDouble() - 0.5) * ry,
                rx * (0.12 + 0.2 * r.nextDouble()), ry * (0.12 + 0.2 * r.nextDouble()), 20 + r.nextInt(160)};
        }
        double noise = 12 + r.nextInt(20);
        double spineR = 12 + r.nextInt(8);
        double sx = cx;
        double sy = cy + ry * 0.6;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double ex = (x - cx) / rx;
                double ey = (y - cy) / ry;
                double e = Math.sqrt(ex * ex + ey * ey);
                if (e > 1) {
                    c.v[i] = -1000 + r.nextGaussian() * 6;
                    continue;
                }
                double value;
                if (e > 1 - fat / Math.min(rx, ry)) {
                    value = -100;
                } else {
                    value = 40;
                    if (chest) {
                        for (int side = -1; side <= 1; side += 2) {
                            double lx = (x - (cx + side * rx * 0.42)) / (rx * 0.32);
                            double ly = (y - (cy - ry * 0.05)) / (ry * 0.55);
                            if (lx * lx + ly * ly < 1) {
                                value = -850;
                            }
                        }
                    }
                    for (double[] o : organs) {
                        double ox = (x - o[0]) / o[2];
                        double oy = (y - o[1]) / o[3];
                        if (ox * ox + oy * oy < 1 && value > -500) {
                            value = o[4];
                        }
                    }
                    double sd = Math.hypot(x - sx, y - sy);
                    if (sd < spineR) {
                        value = sd > spineR - 3 ? 1200 : 450;
                    }
                }
                c.v[i] = value + r.nextGaussian() * noise;
            }
        }
        // The patient table: a thin curved band under the body.
        double ty = cy + ry + 12 + r.nextInt(15);
        for (int x = (int) (cx - rx); x < cx + rx; x += 2) {
            double y0 = ty + 0.0004 * (x - cx) * (x - cx);
            c.line(x, y0, x + 2, ty + 0.0004 * (x + 2 - cx) * (x + 2 - cx), 3, 150);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ex = (x - cx) / (rx + 8);
                double ey = (y - cy) / (ry + 8);
                if (ex * ex + ey * ey <= 1 || Math.abs(y - ty - 0.0004 * (x - cx) * (x - cx)) < 8 && Math.abs(x - cx) < rx) {
                    c.forbid(x, y);
                }
            }
        }
        if (markers && r.nextInt(3) == 0) {
            orientationLetters(c, r, 3071);
        }
        if (markers && r.nextInt(3) == 0) {
            ruler(c, r, 3071, true);
        }
    }

    // ---------------------------------------------------------------- radiograph

    static LabelledImage radiograph(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        int[][] sizes = {{1024, 1024}, {768, 960}, {880, 1024}};
        int[] size = sizes[r.nextInt(sizes.length)];
        Canvas c = new Canvas(size[0], size[1]);
        Box field = radiographAnatomy(c, r, true);
        int w = c.width;
        int h = c.height;
        TextSamples samples = new TextSamples(r);
        TextStyle style = TextStyle.random(r, 30);
        int lines = 2 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            TextStyle s = i == 0 || r.nextInt(3) > 0 ? style.resized(r, 30) : TextStyle.random(r, 30);
            int corner = r.nextInt(4);
            Box area = new Box(corner % 2 == 0 ? 4 : w - w / 3, corner < 2 ? 4 : h - h / 8, w / 4, h / 12);
            int mode = r.nextInt(5);
            if (mode == 0) {
                // A label box: dark plate with bright text (or the reverse) around the line.
                labelPlate(c, r, s, samples, area);
            } else {
                // Dark text on the bright unexposed border, bright text on dark ground.
                double dark = 100 + r.nextInt(500);
                double bright = 3600 + r.nextInt(495);
                String text = samples.next();
                if (s.canDraw(text)) {
                    c.place(r, s, text, area, ground -> ground > 2000 ? dark : bright, 600, -1, false, 0, true, true);
                }
            }
        }
        if (r.nextInt(2) == 0) {
            placeLine(c, r, style.resized(r, 30), samples, new Box(field.x(), field.y(), field.width() / 2,
                    field.height() / 2), 4095, -1, true);
        }
        if (r.nextInt(3) == 0) {
            // An annotation over the anatomy, white on soft tissue or black over bone.
            String text = samples.next();
            TextStyle s = style.resized(r, 30);
            if (s.canDraw(text)) {
                c.place(r, s, text, new Box(w / 4, h / 4, w / 2, h / 2), ground -> ground > 2600 ? 0 : 4095, 900, -1,
                        false, 0, false, true);
            }
        }
        int bits = r.nextInt(3);
        Raster raster = switch (bits) {
            case 0 -> Raster.ofGray16(shifted(c, 0, 0, 4095), w, h, false);
            case 1 -> Raster.ofGray16(scaled(c, 16, 65535), w, h, false);
            default -> Raster.ofGray16(scaled(c, 4, 16383), w, h, false);
        };
        return new LabelledImage(RADIOGRAPH, "radiograph#" + seed + " bits" + bits, raster, c);
    }

    /** Draws the anatomy and returns the exposed field. */
    private static Box radiographAnatomy(Canvas c, RandomGenerator r, boolean markers) {
        int w = c.width;
        int h = c.height;
        int fx0 = (int) (w * (0.02 + 0.1 * r.nextDouble()));
        int fy0 = (int) (h * (0.02 + 0.1 * r.nextDouble()));
        int fx1 = (int) (w * (0.88 + 0.1 * r.nextDouble()));
        int fy1 = (int) (h * (0.88 + 0.1 * r.nextDouble()));
        double g0 = 300 + r.nextInt(400);
        double gx = (r.nextDouble() - 0.5) * 400 / w;
        double gy = (r.nextDouble() - 0.5) * 400 / h;
        double bcx = w * (0.4 + 0.2 * r.nextDouble());
        double bcy = h * (0.4 + 0.2 * r.nextDouble());
        double brx = w * (0.22 + 0.18 * r.nextDouble());
        double bry = h * (0.3 + 0.15 * r.nextDouble());
        double tissue = 1500 + r.nextInt(700);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (x < fx0 || x >= fx1 || y < fy0 || y >= fy1) {
                    c.v[i] = 3800 + r.nextGaussian() * 15;
                    continue;
                }
                double value = g0 + gx * (x - w / 2.0) + gy * (y - h / 2.0);
                double ex = (x - bcx) / brx;
                double ey = (y - bcy) / bry;
                double e = ex * ex + ey * ey;
                if (e < 1) {
                    value += (tissue - g0) * Math.sqrt(1 - e) * 1.2;
                }
                c.v[i] = value;
            }
        }
        // Bones: long bars with bright cortex, or ribs as arcs.
        if (r.nextBoolean()) {
            int bones = 1 + r.nextInt(3);
            for (int k = 0; k < bones; k++) {
                double angle = Math.toRadians(70 + r.nextInt(40));
                double len = bry * (1.0 + 0.5 * r.nextDouble());
                double bx = bcx + (k - (bones - 1) / 2.0) * brx * 0.5;
                double width = 25 + r.nextInt(30);
                double ax0 = bx - Math.cos(angle) * len / 2;
                double ay0 = bcy - Math.sin(angle) * len / 2;
                double ax1 = bx + Math.cos(angle) * len / 2;
                double ay1 = bcy + Math.sin(angle) * len / 2;
                c.line(ax0, ay0, ax1, ay1, width, 3100 + r.nextInt(300));
                c.line(ax0, ay0, ax1, ay1, width - 10, 2500 + r.nextInt(300));
            }
        } else {
            for (int k = 0; k < 8; k++) {
                double y0 = bcy - bry * 0.7 + k * bry * 0.18;
                for (int side = -1; side <= 1; side += 2) {
                    double px = bcx;
                    double py = y0;
                    for (int s = 1; s <= 20; s++) {
                        double t = s / 20.0;
                        double nx = bcx + side * brx * 0.9 * Math.sin(t * 1.4);
                        double ny = y0 + bry * 0.25 * Math.sin(t * 2.6);
                        c.line(px, py, nx, ny, 14, 2700 + 10 * k);
                        px = nx;
                        py = ny;
                    }
                }
            }
            c.line(bcx, bcy - bry, bcx, bcy + bry, 30, 3000);
        }
        double noise = 10 + r.nextInt(25);
        for (int i = 0; i < c.v.length; i++) {
            c.v[i] += r.nextGaussian() * noise;
        }
        blur(c.v, w, h, 1, 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ex = (x - bcx) / (brx + 10);
                double ey = (y - bcy) / (bry + 10);
                if (ex * ex + ey * ey < 1) {
                    c.forbid(x, y);
                }
            }
        }
        if (markers && r.nextInt(2) == 0) {
            leadMarker(c, r);
        }
        return new Box(fx0, fy0, fx1 - fx0, fy1 - fy0);
    }

    private static void labelPlate(Canvas c, RandomGenerator r, TextStyle s, TextSamples samples, Box area) {
        String text = samples.next();
        if (!s.canDraw(text)) {
            return;
        }
        Ink ink = s.render(text);
        Box rel = Canvas.inkBox(ink);
        int pad = Math.max(4, s.capHeight() / 2);
        Box plate = new Box(area.x() + r.nextInt(Math.max(1, area.width())), area.y() + r.nextInt(Math.max(1,
                area.height())), rel.width() + 2 * pad, rel.height() + 2 * pad);
        if (!c.fits(plate, 4, true)) {
            return;
        }
        boolean dark = r.nextBoolean();
        c.fillRect(plate, dark ? 50 : 4000);
        Box at = new Box(plate.x() + pad, plate.y() + pad, rel.width(), rel.height());
        c.place(r, s, text, new Box(at.x(), at.y(), 1, 1), dark ? 4000 : 60, -1, false, 0, true, true);
        c.take(plate);
    }

    // ---------------------------------------------------------------- clean

    static LabelledImage clean(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        int kind = r.nextInt(3);
        boolean markers = r.nextBoolean();
        Canvas c;
        Raster raster;
        String what;
        switch (kind) {
            case 0 -> {
                c = new Canvas(640, 480);
                ultrasoundAnatomy(c, r, markers);
                if (markers) {
                    distractors(c, r, 240);
                }
                raster = Raster.ofGray8(c.toGray8(), c.width, c.height);
                what = "ultrasound";
            }
            case 1 -> {
                c = new Canvas(512, 512);
                ctAnatomy(c, r, markers);
                if (markers) {
                    distractors(c, r, 3071);
                }
                raster = Raster.ofGray16(c.toShorts(-1024, 3071), c.width, c.height, true);
                what = "ct";
            }
            default -> {
                c = new Canvas(1024, 1024);
                radiographAnatomy(c, r, markers);
                if (markers) {
                    distractors(c, r, 4095);
                }
                raster = Raster.ofGray16(shifted(c, 0, 0, 4095), c.width, c.height, false);
                what = "radiograph";
            }
        }
        return new LabelledImage(CLEAN, "clean#" + seed + " " + what + (markers ? " markers" : ""), raster, List.of(),
                List.of());
    }

    private static void distractors(Canvas c, RandomGenerator r, double level) {
        if (r.nextBoolean()) {
            ruler(c, r, level, r.nextBoolean());
        }
        if (r.nextBoolean()) {
            tickRow(c, r, level);
        }
        if (r.nextBoolean()) {
            orientationLetters(c, r, level);
        }
        for (int k = r.nextInt(4); k > 0; k--) {
            caliper(c, r, level);
        }
        if (r.nextBoolean()) {
            dottedLine(c, r, level);
        }
        if (r.nextBoolean()) {
            int cx = c.width / 4 + r.nextInt(c.width / 2);
            int cy = c.height / 4 + r.nextInt(c.height / 2);
            int rad = 15 + r.nextInt(45);
            for (double t = 0; t < 2 * Math.PI; t += 0.05) {
                c.line(cx + rad * Math.cos(t), cy + rad * Math.sin(t), cx + rad * Math.cos(t + 0.05),
                        cy + rad * Math.sin(t + 0.05), 1.2, level);
            }
        }
        if (r.nextBoolean()) {
            int x0 = c.width / 4 + r.nextInt(c.width / 2);
            int y0 = c.height / 4 + r.nextInt(c.height / 2);
            double a = r.nextDouble() * 2 * Math.PI;
            double x1 = x0 + 40 * Math.cos(a);
            double y1 = y0 + 40 * Math.sin(a);
            c.line(x0, y0, x1, y1, 2, level);
            c.line(x0, y0, x0 + 10 * Math.cos(a + 0.5), y0 + 10 * Math.sin(a + 0.5), 2, level);
            c.line(x0, y0, x0 + 10 * Math.cos(a - 0.5), y0 + 10 * Math.sin(a - 0.5), 2, level);
        }
    }

    /** A scale: a base line with minor and major ticks, or only the ticks. */
    private static void ruler(Canvas c, RandomGenerator r, double level, boolean withBase) {
        boolean vertical = r.nextBoolean();
        int len = 100 + r.nextInt(200);
        int step = 6 + r.nextInt(10);
        int minor = 4 + r.nextInt(5);
        int major = minor + 4 + r.nextInt(6);
        int x0 = 10 + r.nextInt(Math.max(1, c.width - len - 20));
        int y0 = 10 + r.nextInt(Math.max(1, c.height - len - 20));
        if (vertical) {
            x0 = r.nextBoolean() ? 8 : c.width - 20;
        } else {
            y0 = r.nextBoolean() ? 8 + major : c.height - 10;
        }
        for (int k = 0; k * step <= len; k++) {
            int t = k % 5 == 0 ? major : minor;
            if (vertical) {
                c.fillRect(new Box(x0, y0 + k * step, t, 1), level);
            } else {
                c.fillRect(new Box(x0 + k * step, y0 - t, 1, t), level);
            }
        }
        if (withBase) {
            c.fillRect(vertical ? new Box(x0, y0, 1, len) : new Box(x0, y0, len, 1), level);
        }
        c.take(vertical ? new Box(x0, y0, major + 1, len + 1) : new Box(x0, y0 - major, len + 1, major + 1));
    }

    /** A row of equal tick marks, not joined. */
    private static void tickRow(Canvas c, RandomGenerator r, double level) {
        int y = 20 + r.nextInt(c.height - 40);
        int x = 20 + r.nextInt(c.width / 2);
        int step = 5 + r.nextInt(12);
        int tall = 6 + r.nextInt(10);
        int thick = 1 + r.nextInt(2);
        for (int k = 0; k < 8 + r.nextInt(15) && x + k * step < c.width - 5; k++) {
            c.fillRect(new Box(x + k * step, y, thick, tall), level);
        }
    }

    private static void dottedLine(Canvas c, RandomGenerator r, double level) {
        int y = 20 + r.nextInt(c.height - 40);
        int x = 20 + r.nextInt(c.width / 2);
        int step = 4 + r.nextInt(8);
        int s = 1 + r.nextInt(3);
        for (int k = 0; k < 10 + r.nextInt(20) && x + k * step < c.width - 5; k++) {
            c.fillRect(new Box(x + k * step, y, s, s), level);
        }
    }

    private static void caliper(Canvas c, RandomGenerator r, double level) {
        int x = 20 + r.nextInt(c.width - 40);
        int y = 20 + r.nextInt(c.height - 40);
        int s = 3 + r.nextInt(5);
        if (r.nextBoolean()) {
            c.line(x - s, y, x + s, y, 1.5, level);
            c.line(x, y - s, x, y + s, 1.5, level);
        } else {
            c.line(x - s, y - s, x + s, y + s, 1.5, level);
            c.line(x - s, y + s, x + s, y - s, 1.5, level);
        }
    }

    /** Single letters at the middle of the edges, as on CT and MR displays. */
    private static void orientationLetters(Canvas c, RandomGenerator r, double level) {
        String[] letters = {"A", "P", "R", "L", "H", "F", "S", "I"};
        TextStyle style = TextStyle.random(r, 24);
        int[][] spots = {{c.width / 2, 6}, {c.width / 2, c.height - 40}, {6, c.height / 2}, {c.width - 40, c.height / 2}};
        for (int[] spot : spots) {
            if (r.nextInt(4) == 0) {
                continue;
            }
            String letter = letters[r.nextInt(letters.length)];
            Ink ink = style.render(letter);
            c.draw(ink, spot[0], spot[1], level, -1);
            Box b = Canvas.inkBox(ink).shift(spot[0], spot[1]);
            c.take(b.grow(4));
        }
    }

    /** A lead side marker: one large letter, sometimes in a square outline. */
    private static void leadMarker(Canvas c, RandomGenerator r) {
        String letter = r.nextBoolean() ? "L" : "R";
        TextStyle style = new TextStyle(2, 20 + r.nextInt(20), true, 0);
        Ink ink = style.render(letter);
        Box rel = Canvas.inkBox(ink);
        int x = c.width / 10 + r.nextInt(c.width / 5);
        int y = c.height / 10 + r.nextInt(c.height / 5);
        c.draw(ink, x - rel.x(), y - rel.y(), 4000, -1);
        Box b = new Box(x, y, rel.width(), rel.height());
        if (r.nextBoolean()) {
            Box frame = b.grow(6);
            c.fillRect(new Box(frame.x(), frame.y(), frame.width(), 2), 4000);
            c.fillRect(new Box(frame.x(), frame.endY() - 2, frame.width(), 2), 4000);
            c.fillRect(new Box(frame.x(), frame.y(), 2, frame.height()), 4000);
            c.fillRect(new Box(frame.endX() - 2, frame.y(), 2, frame.height()), 4000);
        }
        c.take(b.grow(10));
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> lines(RandomGenerator r, TextSamples samples, TextStyle style, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String s = samples.next();
            if (style.canDraw(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static void placeLine(Canvas c, RandomGenerator r, TextStyle style, TextSamples samples, Box area, double level,
            int rgb, boolean avoidForbidden) {
        String text = samples.next();
        if (style.canDraw(text)) {
            c.place(r, style, text, area, level, rgb, false, 0, avoidForbidden, true);
        }
    }

    private static double luminance(int rgb) {
        return (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000.0;
    }

    private static short[] shifted(Canvas c, int offset, int lo, int hi) {
        short[] out = new short[c.v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Canvas.clamp(Math.round(c.v[i] + offset), lo, hi);
        }
        return out;
    }

    private static short[] scaled(Canvas c, int factor, int hi) {
        short[] out = new short[c.v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Canvas.clamp(Math.round(c.v[i] * factor), 0, hi);
        }
        return out;
    }

    private static double[] gaussian(RandomGenerator r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian();
        }
        return out;
    }

    /** In-place box blur (mean over the window clipped to the image), half-widths {@code rx}, {@code ry}. */
    private static void blur(double[] a, int w, int h, int rx, int ry) {
        double[] tmp = new double[a.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int x0 = Math.max(0, x - rx);
                int x1 = Math.min(w - 1, x + rx);
                for (int k = x0; k <= x1; k++) {
                    sum += a[y * w + k];
                }
                tmp[y * w + x] = sum / (x1 - x0 + 1);
            }
        }
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - ry);
            int y1 = Math.min(h - 1, y + ry);
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int k = y0; k <= y1; k++) {
                    sum += tmp[k * w + x];
                }
                a[y * w + x] = sum / (y1 - y0 + 1);
            }
        }
    }
}
