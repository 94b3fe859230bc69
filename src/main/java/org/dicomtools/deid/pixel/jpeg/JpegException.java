package org.dicomtools.deid.pixel.jpeg;

/**
 * A JPEG stream that {@link JpegBlockMasker} cannot edit in the compressed domain: either a coding
 * process it does not handle (progressive, lossless, hierarchical, arithmetic, 12-bit) or a
 * malformed or truncated stream. The message says which and, for malformed input, at which byte
 * offset. A caller reacts by decoding the image, masking the pixels and storing them uncompressed.
 */
public class JpegException extends Exception {
    private static final long serialVersionUID = 1L;

    public JpegException(String message) {
        super(message);
    }
}
