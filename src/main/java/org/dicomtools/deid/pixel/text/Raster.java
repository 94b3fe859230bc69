package org.dicomtools.deid.pixel.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * One grey image for {@link TextDetector}: one sample per pixel, row-major, each in
 * {@code 0..maxValue}.
 *
 * <p>The caller turns stored pixel data into this form: signed values shifted to start at zero,
 * colour reduced to luminance, one frame at a time. The factories cover the common layouts. The
 * samples array is copied on the way in and out.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param samples {@code width * height} samples, row by row
 * @param maxValue the largest value a sample may take (the detector normalises each image by its
 *     own percentiles, so this is a bound, not the white level)
 */
public record Raster(int width, int height, int[] samples, int maxValue) {

    public Raster {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size is " + width + "x" + height + ", both must be positive");
        }
        Objects.requireNonNull(samples, "samples");
        if ((long) width * height != samples.length) {
            throw new IllegalArgumentException(
                    "samples has " + samples.length + " values, " + width + "x" + height + " needs " + (long) width * height);
        }
        if (maxValue < 1) {
            throw new IllegalArgumentException("maxValue is " + maxValue + ", must be positive");
        }
        samples = samples.clone();
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] < 0 || samples[i] > maxValue) {
                throw new IllegalArgumentException(
                        "sample " + i + " is " + samples[i] + ", outside 0.." + maxValue);
            }
        }
    }

    /**
     * An 8-bit image, each byte an unsigned sample.
     *
     * @param pixels {@code width * height} bytes, row by row
     */
    public static Raster ofGray8(byte[] pixels, int width, int height) {
        Objects.requireNonNull(pixels, "pixels");
        int[] s = new int[pixels.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = pixels[i] & 0xFF;
        }
        return new Raster(width, height, s, 255);
    }

    /**
     * A 16-bit image (also 12-bit data stored in 16 bits).
     *
     * @param pixels {@code width * height} values, row by row
     * @param signed true when the values are two's complement (Pixel Representation 1, PS3.3
     *     C.7.6.3.1); they are shifted by 32768 so that order is kept
     */
    public static Raster ofGray16(short[] pixels, int width, int height, boolean signed) {
        Objects.requireNonNull(pixels, "pixels");
        int[] s = new int[pixels.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = signed ? pixels[i] + 32768 : pixels[i] & 0xFFFF;
        }
        return new Raster(width, height, s, 65535);
    }

    /**
     * A colour image reduced to 8-bit luminance with the Rec. 601 weights
     * {@code (299 R + 587 G + 114 B) / 1000}; the alpha byte is ignored.
     *
     * <p>Luminance keeps the contrast of white, yellow, green and most coloured text; saturated
     * blue text on black has little luminance contrast and is the weak case.
     *
     * @param argb {@code width * height} packed {@code 0xAARRGGBB} values, row by row
     */
    public static Raster ofRgb(int[] argb, int width, int height) {
        Objects.requireNonNull(argb, "argb");
        int[] s = new int[argb.length];
        for (int i = 0; i < s.length; i++) {
            int p = argb[i];
            s[i] = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF) + 500) / 1000;
        }
        return new Raster(width, height, s, 255);
    }

    /** A copy of the samples. */
    @Override
    public int[] samples() {
        return samples.clone();
    }

    /** The sample in column {@code x}, row {@code y}. */
    public int sample(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IllegalArgumentException("(" + x + "," + y + ") is outside " + width + "x" + height);
        }
        return samples[y * width + x];
    }

    /** The sample at a row-major index, without copying; for the detector's own loops. */
    int sampleAt(int index) {
        return samples[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Raster r && r.width == width && r.height == height && r.maxValue == maxValue
                && Arrays.equals(r.samples, samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, maxValue) * 31 + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Raster[" + width + "x" + height + ", maxValue=" + maxValue + "]";
    }
}
