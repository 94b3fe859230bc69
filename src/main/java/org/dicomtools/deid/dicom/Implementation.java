package org.dicomtools.deid.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who wrote a file: this plugin's Implementation Class UID, version and Implementation Version Name. */
public final class Implementation {
    /** Implementation Class UID of this plugin (a UUID-derived UID, PS3.5 B.2). */
    public static final String CLASS_UID = "2.25.74149259108733400374058849876832268065";
    /** The plugin version, from the build. */
    public static final String PLUGIN_VERSION = readVersion();
    /** Implementation Version Name: {@code DEID_} and the plugin version, at most 16 characters (SH). */
    public static final String VERSION_NAME = cut("DEID_" + PLUGIN_VERSION, 16);

    private Implementation() {
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Implementation.class.getResourceAsStream("/org/dicomtools/deid/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the plugin version resource", e);
        }
        return p.getProperty("version", "0");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
