package org.carnet.core.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    /**
     * Writes {@code out} (UTF-8) through {@code out.part} moved into place, so that a failure of the disk or of the
     * body never leaves half a file; returns what the body returned.
     *
     * @throws AppException {@code errorKey} with the file name, on any I/O failure
     */
    public static long write(Path out, String errorKey, Body body) throws AppException {
        Path target = out.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        boolean moved = false;
        try {
            long n;
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = body.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
