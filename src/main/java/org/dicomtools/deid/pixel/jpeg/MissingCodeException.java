package org.dicomtools.deid.pixel.jpeg;

/**
 * Re-encoding needs a Huffman code that the stream's table does not define, typically a DC
 * difference category absent from an optimised table. Rebuilding the tables resolves it.
 */
final class MissingCodeException extends JpegException {
    private static final long serialVersionUID = 1L;

    MissingCodeException(String message) {
        super(message);
    }
}
