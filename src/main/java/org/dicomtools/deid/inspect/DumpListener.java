package org.dicomtools.deid.inspect;

/** Receives what {@link Dumper} shows while it runs; every text is one line without control characters. */
public interface DumpListener {

    /** A line of output: a file's heading or a line of its element tree. */
    void line(String text);

    /** Something the reader had to repair in a file, prefixed with the file's relative path. */
    void warning(String text);
}
