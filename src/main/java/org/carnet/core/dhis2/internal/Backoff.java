package org.carnet.core.dhis2.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter: attempt n waits a random time between half and all of base × 2^(n-1), capped. */
final class Backoff {
    /** How the transport waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());
    private static final Duration CAP = Duration.ofSeconds(30);

    private Backoff() {
    }

    static Duration delay(Duration base, int attempt) {
        long full = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        full = Math.min(full, CAP.toMillis());
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(full - half + 1)));
    }
}
