package org.dicomtools.deid.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing files safely: atomically (a temporary file in the target directory, then a rename, so
 * an interrupted run never leaves a half-written file under the final name) and, for the work
 * directory that holds mappings and the ledger, readable by the owner only.
 */
public final class SecureFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    /** Writes the content of a file atomically. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content of a file atomically through a channel (bulk data is transferred, not copied). */
    @FunctionalInterface
    public interface ChannelContent {
        void write(FileChannel out) throws IOException;
    }

    /** Creates a directory (and parents) that only the owner can read, write or list. */
    public static Path ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    /**
     * Writes {@code target} atomically: the content goes to a temporary file next to it, which is
     * then renamed over the target. With {@code ownerOnly} the file is readable by the owner only.
     */
    public static void writeAtomically(Path target, boolean ownerOnly, Content content) throws IOException {
        writeChannelAtomically(target, ownerOnly, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
            content.write(out);
            out.flush();
        });
    }

    /** Like {@link #writeAtomically(Path, boolean, Content)}, writing through a file channel. */
    public static void writeChannelAtomically(Path target, boolean ownerOnly, ChannelContent content)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        boolean done = false;
        try {
            if (POSIX) {
                Set<java.nio.file.attribute.PosixFilePermission> perms = PosixFilePermissions.fromString(
                        ownerOnly ? "rw-------" : "rw-r--r--");
                Files.setPosixFilePermissions(tmp, perms);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.write(ch);
            }
            move(tmp, target);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Renames atomically where the file system can, else replaces. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True when {@code inner} is {@code outer} or lies inside it (after normalising both). */
    public static boolean isInside(Path inner, Path outer) {
        Path i = inner.toAbsolutePath().normalize();
        Path o = outer.toAbsolutePath().normalize();
        return i.startsWith(o);
    }
}
