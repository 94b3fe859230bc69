package org.dicomtools.deid.engine;

/**
 * How the engine reports progress without knowing Maven: the Mojo adapts these calls to its log.
 * Messages never contain patient values.
 */
public interface EngineListener {
    /** A listener that drops everything. */
    EngineListener SILENT = new EngineListener() {
    };

    default void info(String message) {
    }

    default void warn(String message) {
    }

    default void debug(String message) {
    }
}
