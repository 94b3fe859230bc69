package org.dicomtools.deid.pixel.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JPEG test images written and read with the JDK's ImageIO codec (libjpeg 6b inside). */
final class SampleJpegs {
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private SampleJpegs() {
    }

    /** Sampling of the first component; the others are 1x1. {@code GRAY} is one component. */
    enum Sampling {
        GRAY(1, 1), S444(1, 1), S422(2, 1), S420(2, 2), S411(4, 1);

        final int h;
        final int v;

        Sampling(int h, int v) {
            this.h = h;
            this.v = v;
        }
    }

    /** A deterministic picture: gradients, flat rectangles, thin strokes and noise. */
    static BufferedImage picture(int width, int height, boolean colour, long seed) {
        BufferedImage image = new BufferedImage(width, height,
                colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / Math.max(1, width - 1) + random.nextInt(17)) & 0xFF;
                int g = (y * 255 / Math.max(1, height - 1) + random.nextInt(17)) & 0xFF;
                int b = ((x + y) * 3 + random.nextInt(9)) & 0xFF;
                rgb[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        for (int i = 0; i < 12; i++) {
            int x0 = random.nextInt(width);
            int y0 = random.nextInt(height);
            int w = 1 + random.nextInt(Math.max(1, width / 3));
            int h = 1 + random.nextInt(Math.max(1, height / 3));
            int c = random.nextInt(1 << 24);
            for (int y = y0; y < Math.min(height, y0 + h); y++) {
                for (int x = x0; x < Math.min(width, x0 + w); x++) {
                    rgb[y * width + x] = i % 3 == 0 && (x + y) % 3 != 0 ? ~c & 0xFFFFFF : c;
                }
            }
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** A flat picture of one gray level. */
    static BufferedImage flat(int width, int height, boolean colour, int level) {
        BufferedImage image = new BufferedImage(width, height,
                colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < raster.getNumBands(); b++) {
                    raster.setSample(x, y, b, level);
                }
            }
        }
        return image;
    }

    /** Encoder settings; null tables mean ImageIO's defaults for the quality. */
    record Options(Sampling sampling, int restartInterval, float quality, boolean progressive,
            JPEGQTable[] quantTables, JPEGHuffmanTable[] dcTables, JPEGHuffmanTable[] acTables) {

        static Options of(Sampling sampling, int restartInterval) {
            return new Options(sampling, restartInterval, 0.75f, false, null, null, null);
        }

        Options asProgressive() {
            return new Options(sampling, restartInterval, quality, true, quantTables, dcTables, acTables);
        }

        Options tables(JPEGQTable[] q, JPEGHuffmanTable[] dc, JPEGHuffmanTable[] ac) {
            return new Options(sampling, restartInterval, quality, progressive, q, dc, ac);
        }
    }

    static byte[] encode(BufferedImage image, Options options) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
            if (options.quantTables() == null) {
                // An explicit quality replaces any tables given in the metadata.
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.quality());
            }
            if (options.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            Element root = (Element) metadata.getAsTree(NATIVE_FORMAT);
            Element markers = (Element) root.getElementsByTagName("markerSequence").item(0);
            Element sof = (Element) markers.getElementsByTagName("sof").item(0);
            if (options.sampling() != Sampling.GRAY) {
                Element luma = (Element) sof.getElementsByTagName("componentSpec").item(0);
                luma.setAttribute("HsamplingFactor", String.valueOf(options.sampling().h));
                luma.setAttribute("VsamplingFactor", String.valueOf(options.sampling().v));
            }
            if (options.quantTables() != null) {
                // Tables set on the param give an abbreviated stream; set them in the metadata instead.
                NodeList q = root.getElementsByTagName("dqtable");
                for (int i = 0; i < q.getLength(); i++) {
                    IIOMetadataNode node = (IIOMetadataNode) q.item(i);
                    node.setUserObject(options.quantTables()[Integer.parseInt(node.getAttribute("qtableId"))]);
                }
                NodeList h = root.getElementsByTagName("dhtable");
                for (int i = 0; i < h.getLength(); i++) {
                    IIOMetadataNode node = (IIOMetadataNode) h.item(i);
                    int id = Integer.parseInt(node.getAttribute("htableId"));
                    node.setUserObject("0".equals(node.getAttribute("class")) ? options.dcTables()[id]
                            : options.acTables()[id]);
                }
            }
            if (options.restartInterval() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(options.restartInterval()));
                markers.insertBefore(dri, sof);
            }
            metadata.setFromTree(NATIVE_FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The decoded samples without colour conversion (Y, Cb, Cr for YCbCr images). */
    static Raster decodeRaster(byte[] jpeg) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** The decoded image as ImageIO presents it (RGB for colour). */
    static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
