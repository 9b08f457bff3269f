package org.carnet.core.registry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/**
 * Slows down repeated wrong passphrases: after 3 failures in a row each further attempt waits 2, 4, 8 … up to 300
 * seconds after the previous failure. The counter lives beside the registry ({@code registry.db.unlock}: a count and
 * a time, nothing secret) so restarting the program does not reset it. A success resets it.
 */
public final class UnlockThrottle {
    static final int FREE_ATTEMPTS = 3;
    static final long MAX_WAIT_SECONDS = 300;

    private final Path file;
    private final Clock clock;

    public UnlockThrottle(Path registryFile, Clock clock) {
        this.file = registryFile.resolveSibling(registryFile.getFileName() + ".unlock");
        this.clock = clock;
    }

    public long secondsToWait() {
        Properties p = read();
        int failures = Integer.parseInt(p.getProperty("failures", "0"));
        if (failures < FREE_ATTEMPTS) {
            return 0;
        }
        long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, failures - FREE_ATTEMPTS + 1));
        long last = Long.parseLong(p.getProperty("last", "0"));
        long elapsed = (clock.millis() - last) / 1000;
        return Math.max(0, wait - Math.max(0, elapsed));
    }

    public int failures() {
        return Integer.parseInt(read().getProperty("failures", "0"));
    }

    public void recordFailure() {
        Properties p = read();
        p.setProperty("failures", Integer.toString(Integer.parseInt(p.getProperty("failures", "0")) + 1));
        p.setProperty("last", Long.toString(clock.millis()));
        write(p);
    }

    public void reset() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale counter only delays the next wrong attempt; never blocks a right one
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
        try {
            Integer.parseInt(p.getProperty("failures", "0"));
            Long.parseLong(p.getProperty("last", "0"));
        } catch (NumberFormatException e) {
            p.clear();
        }
        return p;
    }

    private void write(Properties p) {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Carnet unlock attempts");
        } catch (IOException e) {
            // read-only folder: the throttle cannot persist, the in-process Argon2 cost still applies
        }
    }
}
