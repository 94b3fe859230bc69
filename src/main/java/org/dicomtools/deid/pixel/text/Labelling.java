package org.dicomtools.deid.pixel.text;

import java.util.Arrays;

/**
 * The 8-connected components of the pixels at or above a threshold, found run by run (a run is a
 * horizontal stretch of foreground in one row), numbered {@code 1..count()} in the raster order
 * of their first pixel, with bounding boxes and areas. Work is proportional to the image size for
 * the scan and to the number of runs after it; no label image is built.
 */
final class Labelling {

    private final int width;
    private final int count;
    /** Per run: row, first column, column after the last, component. */
    private final int[] runRow;
    private final int[] runStart;
    private final int[] runEnd;
    private final int[] runLabel;
    private final int runs;
    /** Runs of component {@code id} are {@code order[first[id] .. first[id + 1])}. */
    private final int[] first;
    private final int[] order;
    private final int[] minX;
    private final int[] minY;
    private final int[] maxX;
    private final int[] maxY;
    private final int[] area;

    private Labelling(int width, int[] runRow, int[] runStart, int[] runEnd, int[] runLabel, int runs, int count) {
        this.width = width;
        this.runRow = runRow;
        this.runStart = runStart;
        this.runEnd = runEnd;
        this.runLabel = runLabel;
        this.runs = runs;
        this.count = count;
        minX = new int[count + 1];
        minY = new int[count + 1];
        maxX = new int[count + 1];
        maxY = new int[count + 1];
        area = new int[count + 1];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        first = new int[count + 2];
        for (int i = 0; i < runs; i++) {
            int l = runLabel[i];
            minX[l] = Math.min(minX[l], runStart[i]);
            maxX[l] = Math.max(maxX[l], runEnd[i] - 1);
            minY[l] = Math.min(minY[l], runRow[i]);
            maxY[l] = Math.max(maxY[l], runRow[i]);
            area[l] += runEnd[i] - runStart[i];
            first[l + 1]++;
        }
        for (int l = 1; l <= count + 1; l++) {
            first[l] += first[l - 1];
        }
        order = new int[runs];
        int[] next = Arrays.copyOf(first, first.length);
        for (int i = 0; i < runs; i++) {
            order[next[runLabel[i]]++] = i;
        }
    }

    /**
     * Labels the pixels whose unsigned value is at least {@code cut}.
     *
     * @param values {@code width * height} unsigned bytes, row by row
     * @param cut smallest foreground value, 1..255
     */
    static Labelling of(byte[] values, int cut, int width, int height) {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException("image of " + values.length + " pixels is not " + width + "x" + height);
        }
        if (cut < 1 || cut > 255) {
            throw new IllegalArgumentException("cut is " + cut + ", outside 1..255");
        }
        int capacity = 1024;
        int[] row = new int[capacity];
        int[] start = new int[capacity];
        int[] end = new int[capacity];
        int[] label = new int[capacity];
        int[] parent = new int[capacity + 1];
        int runs = 0;
        int next = 1;
        int previousFirst = 0;
        int previousEnd = 0;
        for (int y = 0; y < height; y++) {
            int rowFirst = runs;
            int base = y * width;
            int p = previousFirst;
            int x = 0;
            while (x < width) {
                if ((values[base + x] & 0xFF) < cut) {
                    x++;
                    continue;
                }
                int s = x;
                while (x < width && (values[base + x] & 0xFF) >= cut) {
                    x++;
                }
                if (runs == capacity) {
                    capacity *= 2;
                    row = Arrays.copyOf(row, capacity);
                    start = Arrays.copyOf(start, capacity);
                    end = Arrays.copyOf(end, capacity);
                    label = Arrays.copyOf(label, capacity);
                    parent = Arrays.copyOf(parent, capacity + 1);
                }
                // Runs of the previous row touching columns s-1 .. x (8-connectivity).
                while (p < previousEnd && end[p] < s) {
                    p++;
                }
                int l = 0;
                for (int q = p; q < previousEnd && start[q] <= x; q++) {
                    l = join(parent, l, label[q]);
                }
                if (l == 0) {
                    parent[next] = next;
                    l = next++;
                }
                row[runs] = y;
                start[runs] = s;
                end[runs] = x;
                label[runs] = l;
                runs++;
            }
            previousFirst = rowFirst;
            previousEnd = runs;
        }
        int[] compact = new int[next];
        int count = 0;
        for (int l = 1; l < next; l++) {
            int root = find(parent, l);
            if (compact[root] == 0) {
                compact[root] = ++count;
            }
            compact[l] = compact[root];
        }
        for (int i = 0; i < runs; i++) {
            label[i] = compact[label[i]];
        }
        return new Labelling(width, row, start, end, label, runs, count);
    }

    /** Merges the set of {@code other} into that of {@code current}; returns the label to use. */
    private static int join(int[] parent, int current, int other) {
        if (current == 0) {
            return other;
        }
        int a = find(parent, current);
        int b = find(parent, other);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        return Math.min(a, b);
    }

    private static int find(int[] parent, int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    int count() {
        return count;
    }

    /** The component at a pixel, 0 for background. */
    int label(int x, int y) {
        for (int i = 0; i < runs; i++) {
            if (runRow[i] == y && runStart[i] <= x && x < runEnd[i]) {
                return runLabel[i];
            }
        }
        return 0;
    }

    int minX(int id) {
        return minX[id];
    }

    int minY(int id) {
        return minY[id];
    }

    int maxX(int id) {
        return maxX[id];
    }

    int maxY(int id) {
        return maxY[id];
    }

    int area(int id) {
        return area[id];
    }

    int width(int id) {
        return maxX[id] - minX[id] + 1;
    }

    int height(int id) {
        return maxY[id] - minY[id] + 1;
    }

    /**
     * The shape and grey-level measures of one component.
     *
     * @param contrast per-pixel contrast map the component was cut from
     * @param gray per-pixel normalised grey levels, same size
     * @param cut the threshold the component was cut at
     */
    Component measure(int id, byte[] contrast, byte[] gray, int cut) {
        if (id < 1 || id > count) {
            throw new IllegalArgumentException("component " + id + " is outside 1.." + count);
        }
        int x0 = minX[id];
        int y0 = minY[id];
        int bw = maxX[id] - x0 + 1;
        int bh = maxY[id] - y0 + 1;
        // Horizontal run length at each pixel of the component, 0 elsewhere in the box.
        int[] across = new int[bw * bh];
        int longest = 0;
        long graySum = 0;
        int peak = 0;
        for (int k = first[id]; k < first[id + 1]; k++) {
            int i = order[k];
            int len = runEnd[i] - runStart[i];
            longest = Math.max(longest, len);
            int rowBase = (runRow[i] - y0) * bw - x0;
            int image = runRow[i] * width;
            for (int x = runStart[i]; x < runEnd[i]; x++) {
                across[rowBase + x] = len;
                peak = Math.max(peak, contrast[image + x] & 0xFF);
                graySum += gray[image + x] & 0xFF;
            }
        }
        int[] histogram = new int[Math.max(bw, bh) + 1];
        for (int xx = 0; xx < bw; xx++) {
            int yy = 0;
            while (yy < bh) {
                if (across[yy * bw + xx] == 0) {
                    yy++;
                    continue;
                }
                int s = yy;
                while (yy < bh && across[yy * bw + xx] != 0) {
                    yy++;
                }
                int len = yy - s;
                for (int k = s; k < yy; k++) {
                    histogram[Math.min(len, across[k * bw + xx])]++;
                }
            }
        }
        int n = area[id];
        int seen = 0;
        int stroke = 0;
        while (seen * 2 < n) {
            seen += histogram[++stroke];
        }
        int half = (cut + peak + 1) / 2;
        int[] local = new int[bw * bh];
        int runs = 0;
        int ridges = 0;
        for (int k = first[id]; k < first[id + 1]; k++) {
            int i = order[k];
            int image = runRow[i] * width;
            int rowBase = (runRow[i] - y0) * bw - x0;
            int top = 0;
            for (int x = runStart[i]; x < runEnd[i]; x++) {
                int c = contrast[image + x] & 0xFF;
                local[rowBase + x] = c;
                top = Math.max(top, c);
            }
            runs++;
            ridges += top >= half ? 1 : 0;
        }
        for (int xx = 0; xx < bw; xx++) {
            int top = 0;
            for (int yy = 0; yy <= bh; yy++) {
                int c = yy < bh ? local[yy * bw + xx] : 0;
                if (c != 0) {
                    top = Math.max(top, c);
                } else if (top != 0) {
                    runs++;
                    ridges += top >= half ? 1 : 0;
                    top = 0;
                }
            }
        }
        return new Component(x0, y0, maxX[id], maxY[id], n, stroke, longest, (int) (graySum / n),
                (double) ridges / runs);
    }
}
