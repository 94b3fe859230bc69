package org.dicomtools.deid.profile;

/**
 * A profile that cannot be loaded: a syntax error, an unknown name, a cycle of {@code extends}, or
 * an unreadable file. The message names the source and line, in the form compilers use, for
 * example {@code my.profile:12: unknown option 'retain-uid' (did you mean retain-uids?)}.
 *
 * <p>A checked {@link Exception} rather than an {@link java.io.IOException}: most causes are
 * mistakes in the profile text, which the user must fix, not failures of I/O; an I/O failure is
 * kept as the cause.
 */
public class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    /**
     * @param source the profile source, such as {@code my.profile} or {@code builtin:basic}
     * @param line the 1-based line, or 0 when the problem is not on one line
     * @param reason what is wrong, without source and line
     */
    public ProfileException(String source, int line, String reason) {
        this(source, line, reason, null);
    }

    /** As {@link #ProfileException(String, int, String)}, with the exception that caused it. */
    public ProfileException(String source, int line, String reason, Throwable cause) {
        super(line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The profile source the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it is not on one line. */
    public int line() {
        return line;
    }

    /** The problem, without source and line. */
    public String reason() {
        return reason;
    }
}
