package org.dicomtools.deid.verify.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name, version and home page of the plugin as the reports state them. */
final class ToolInfo {
    /** Tool name in every report. */
    static final String NAME = "deid-maven-plugin";
    /** Project home page, used as SARIF {@code informationUri}. */
    static final String INFORMATION_URI = "https://github.com/dicomtools/deid-maven-plugin";

    private static final String RESOURCE = "/org/dicomtools/deid/version.properties";

    private ToolInfo() {
    }

    /**
     * The plugin version from the build-filtered resource {@code /org/dicomtools/deid/version.properties},
     * or {@code unknown} when the resource is missing (a class-path set up without the build's resources).
     */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin version resource " + RESOURCE, e);
        }
        return p.getProperty("version", "unknown");
    }
}
