package org.carnet.core.common;

import java.time.Duration;
import java.util.Optional;

/**
 * The time left of a long job from its progress reports: the pace since the first report, so a job resumed part-way
 * (a sync from its checkpoint, a card generation after a crash) is not credited with work done before. Not thread-safe.
 */
public final class Eta {
    /** Pace measured over less than this is too noisy to show. */
    public static final long MIN_ELAPSED_MILLIS = 500;

    private long firstDone = -1;
    private long firstAtMillis;

    /** Forgets the pace (a new run). */
    public void reset() {
        firstDone = -1;
    }

    /** Records a report at {@code nowMillis}; the time left once the pace is known, else empty. */
    public Optional<Duration> update(long done, long total, long nowMillis) {
        if (firstDone < 0) {
            firstDone = done;
            firstAtMillis = nowMillis;
        }
        long made = done - firstDone;
        long elapsed = nowMillis - firstAtMillis;
        if (total <= 0 || made <= 0 || done >= total || elapsed < MIN_ELAPSED_MILLIS) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (elapsed * (double) (total - done) / made)));
    }
}
