package org.carnet.core.common;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing a file whole or not at all: through a temporary sibling moved into place. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What goes into the file; returns a count for the caller. */
    @FunctionalInterface
    public interface Body {
        long write(Writer w) throws IOException, AppException;
    }

    /** What goes into a binary file. */
    @FunctionalInterface
    public interface BinaryBody {
        void write(OutputStream out) throws IOException, AppException;
    }

    /** What fills the temporary file; returns a count for the caller. */
    @FunctionalInterface
    private interface PartWriter {
        long write(Path part) throws IOException, AppException;
    }

    /**
     * Writes {@code out} (UTF-8) through {@code out.part} moved into place, so that a failure of the disk or of the
     * body never leaves half a file; returns what the body returned.
     *
     * @throws AppException {@code errorKey} with the file name, on any I/O failure
     */
    public static long write(Path out, String errorKey, Body body) throws AppException {
        return viaPart(out, errorKey, part -> {
            try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                return body.write(w);
            }
        });
    }

    /** As {@link #write(Path, String, Body)} for binary content (images, PDF documents). */
    public static void writeBinary(Path out, String errorKey, BinaryBody body) throws AppException {
        viaPart(out, errorKey, part -> {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(part))) {
                body.write(o);
            }
            return 0;
        });
    }

    /**
     * Moves a complete file into place, atomically where the file system can rename atomically, else by a plain
     * replace.
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long viaPart(Path out, String errorKey, PartWriter writer) throws AppException {
        Path target = out.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        boolean moved = false;
        try {
            long n = writer.write(tmp);
            move(tmp, target);
            moved = true;
            return n;
        } catch (IOException | UncheckedIOException e) {
            throw new AppException(errorKey, "cannot write output: " + e.getClass().getSimpleName(), e,
                    out.getFileName());
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the error being reported is what matters
                }
            }
        }
    }
}
