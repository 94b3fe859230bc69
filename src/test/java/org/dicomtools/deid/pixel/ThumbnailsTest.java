package org.dicomtools.deid.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.dicomtools.deid.dicom.Dataset;
import org.dicomtools.deid.pixel.NativePixelMaskerTest.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {
    private static final int BG = 0x202020;

    @TempDir
    Path temp;

    private static BufferedImage gray(int w, int h, int... values) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, w, h, 0, values);
        return img;
    }

    private static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static int px(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int grayRgb(int g) {
        return g << 16 | g << 8 | g;
    }

    @Test
    void singleSmallFrameIsEnlargedToTheTile() throws Exception {
        BufferedImage frame = gray(4, 2, 0, 50, 100, 150, 200, 250, 10, 20);
        BufferedImage sheet = Thumbnails.sheet(1, i -> frame, List.of(), List.of());
        assertEquals(256 + 8, sheet.getWidth());
        assertEquals(128 + 8, sheet.getHeight());
        assertEquals(BG, px(sheet, 0, 0));
        assertEquals(BG, px(sheet, 3, 70));
        assertEquals(grayRgb(0), px(sheet, 4, 4));
        assertEquals(grayRgb(0), px(sheet, 4 + 63, 4 + 63));
        assertEquals(grayRgb(50), px(sheet, 4 + 64, 4));
        assertEquals(grayRgb(20), px(sheet, 4 + 255, 4 + 127));
        assertEquals(BG, px(sheet, 4 + 256, 4 + 127));
    }

    @Test
    void masksAndDetectionsAreOutlinedInTheirColours() throws Exception {
        BufferedImage frame = gray(4, 2, 90, 90, 90, 90, 90, 90, 90, 90);
        List<List<Rect>> masked = List.of(List.of(new Rect(0, 0, 2, 1)));
        List<List<Rect>> detected = List.of(List.of(new Rect(3, 1, 1, 1)));
        BufferedImage sheet = Thumbnails.sheet(1, i -> frame, detected, masked);
        // The mask covers tile columns 0..127 and rows 0..63; two-pixel outline inside it.
        assertEquals(Thumbnails.MASKED_COLOR, px(sheet, 4 + 0, 4 + 30));
        assertEquals(Thumbnails.MASKED_COLOR, px(sheet, 4 + 1, 4 + 30));
        assertEquals(grayRgb(90), px(sheet, 4 + 2, 4 + 30));
        assertEquals(Thumbnails.MASKED_COLOR, px(sheet, 4 + 127, 4 + 30));
        assertEquals(Thumbnails.MASKED_COLOR, px(sheet, 4 + 60, 4 + 63));
        assertEquals(grayRgb(90), px(sheet, 4 + 60, 4 + 64));
        assertEquals(grayRgb(90), px(sheet, 4 + 128, 4 + 30));
        // The detection covers columns 192..255, rows 64..127.
        assertEquals(Thumbnails.DETECTED_COLOR, px(sheet, 4 + 192, 4 + 100));
        assertEquals(grayRgb(90), px(sheet, 4 + 220, 4 + 100));
        assertEquals(Thumbnails.DETECTED_COLOR, px(sheet, 4 + 255, 4 + 127));
    }

    @Test
    void detectionsAreDrawnOverMasks() throws Exception {
        BufferedImage frame = gray(2, 2, 0, 0, 0, 0);
        List<List<Rect>> same = List.of(List.of(new Rect(0, 0, 2, 2)));
        BufferedImage sheet = Thumbnails.sheet(1, i -> frame, same, same);
        assertEquals(Thumbnails.DETECTED_COLOR, px(sheet, 4, 4));
    }

    @Test
    void framesFillAGridInOrder() throws Exception {
        int[] colors = {0x100000, 0x200000, 0x300000, 0x400000, 0x500000};
        BufferedImage sheet = Thumbnails.sheet(5, i -> solid(10, 10, colors[i]), null, null);
        // 5 frames: 3 columns x 2 rows of 256-pixel tiles.
        assertEquals(3 * 256 + 4 * 4, sheet.getWidth());
        assertEquals(2 * 256 + 3 * 4, sheet.getHeight());
        assertEquals(0x100000, px(sheet, 4, 4));
        assertEquals(0x300000, px(sheet, 4 + 2 * 260, 4));
        assertEquals(0x400000, px(sheet, 4, 4 + 260));
        assertEquals(0x500000, px(sheet, 4 + 260 + 255, 4 + 260 + 255));
        assertEquals(BG, px(sheet, 4 + 2 * 260 + 10, 4 + 260 + 10));
    }

    @Test
    void perFrameListsOutlineOnlyTheirFrame() throws Exception {
        List<List<Rect>> detected = List.of(List.of(), List.of(), List.of(new Rect(0, 0, 10, 10)));
        BufferedImage sheet = Thumbnails.sheet(3, i -> solid(10, 10, 0), detected, List.of());
        assertEquals(0, px(sheet, 4, 4));
        assertEquals(0, px(sheet, 4 + 260, 4));
        assertEquals(Thumbnails.DETECTED_COLOR, px(sheet, 4, 4 + 260));
    }

    @Test
    void largeFramesAreBoxAveraged() throws Exception {
        int[] checker = new int[512 * 512];
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                checker[y * 512 + x] = (x + y) % 2 == 0 ? 255 : 0;
            }
        }
        BufferedImage sheet = Thumbnails.sheet(1, i -> gray(512, 512, checker), List.of(), List.of());
        assertEquals(264, sheet.getWidth());
        // Each tile pixel averages 2 white and 2 black pixels: (510 + 2) / 4 = 128.
        assertEquals(grayRgb(128), px(sheet, 4, 4));
        assertEquals(grayRgb(128), px(sheet, 4 + 255, 4 + 255));
    }

    @Test
    void longCineLoopsGetSmallerTiles() throws Exception {
        BufferedImage frame = solid(32, 32, 0x123456);
        BufferedImage sheet = Thumbnails.sheet(2000, i -> frame, List.of(), List.of());
        // 45 columns: tiles of (3068 / 45) - 4 = 64 pixels.
        assertEquals(45 * 64 + 46 * 4, sheet.getWidth());
        assertTrue(sheet.getWidth() <= Thumbnails.MAX_SHEET);
        assertEquals(45 * 64 + 46 * 4, sheet.getHeight());
    }

    @Test
    void pngIsWrittenAndReadable() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frames.add(gray(640, 480, new int[640 * 480]));
        }
        Path png = temp.resolve("thumbs/img.png");
        Thumbnails.contactSheet(frames, List.of(List.of(new Rect(0, 0, 640, 48))), List.of(), png);
        BufferedImage read = ImageIO.read(png.toFile());
        // 3 frames: 2 columns x 2 rows of 256 x 192 cells.
        assertEquals(2 * 256 + 3 * 4, read.getWidth());
        assertEquals(2 * 192 + 3 * 4, read.getHeight());
        assertEquals(Thumbnails.DETECTED_COLOR, px(read, 4, 4));
        assertEquals(0, px(read, 4 + 100, 4 + 100));
    }

    @Test
    void sheetOfANativeMultiFrameImage() throws Exception {
        Image img = new Image(3, 2);
        img.frames = 2;
        Dataset ds = img.dataset(new byte[] {0, 0, 0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255,
            (byte) 255, (byte) 255});
        Path png = temp.resolve("native.png");
        Thumbnails.contactSheet(ds, List.of(), List.of(List.of(new Rect(0, 0, 3, 1))), png);
        BufferedImage read = ImageIO.read(png.toFile());
        // 3 x 2 frames scale by 256 / 3: cells of 256 x 171.
        assertEquals(2 * 256 + 3 * 4, read.getWidth());
        assertEquals(171 + 2 * 4, read.getHeight());
        assertArrayEquals(new int[] {0, 0xFFFFFF, Thumbnails.MASKED_COLOR},
                new int[] {px(read, 4 + 100, 4 + 150), px(read, 4 + 256 + 4 + 100, 4 + 150), px(read, 4, 4)});
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void emptySheetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Thumbnails.sheet(0, i -> null, List.of(), List.of()));
    }
}
