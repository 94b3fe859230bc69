package org.dicomtools.deid.pixel;

/**
 * Pixel data that this package cannot process: absent, encapsulated where native data is needed, a
 * layout it does not support, or a value length that does not fit the image attributes. The message
 * says which; the caller flags the image for review rather than guessing.
 */
public class PixelDataException extends Exception {
    private static final long serialVersionUID = 1L;

    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
