package org.dicomtools.deid.mojo;

import org.apache.maven.plugin.logging.Log;
import org.dicomtools.deid.engine.EngineListener;

/** Passes engine events to the Maven log. */
final class LogListener implements EngineListener {
    private final Log log;

    LogListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
