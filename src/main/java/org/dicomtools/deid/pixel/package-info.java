/**
 * Burned-in text in pixel data: how likely an image is to carry it ({@link org.dicomtools.deid.pixel.BurnedInRisk}),
 * where to blank it ({@link org.dicomtools.deid.pixel.MaskRule}, {@link org.dicomtools.deid.pixel.MaskRules} and the
 * shipped library {@code masks/common.masks}), blanking it in native pixel data
 * ({@link org.dicomtools.deid.pixel.NativePixelMasker}), removing overlay and curve graphics
 * ({@link org.dicomtools.deid.pixel.OverlayRemover}), and what a reviewer needs: a fingerprint of the pixels
 * ({@link org.dicomtools.deid.pixel.PixelHash}), display renderings ({@link org.dicomtools.deid.pixel.FrameImages})
 * and PNG contact sheets ({@link org.dicomtools.deid.pixel.Thumbnails}).
 *
 * <p>The package depends only on {@code org.dicomtools.deid.dicom} and the JDK (ImageIO for PNG). Nothing here
 * draws text, so it runs the same on a headless machine without fonts.
 */
package org.dicomtools.deid.pixel;
