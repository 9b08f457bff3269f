package org.carnet.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled sync with a fixed delay between the end of one run and the start of the next: the timer is armed for
 * {@code end + interval} each time the pipeline reports the end of a run ({@link #runFinished}), whatever started that
 * run, so scheduled runs never overlap and a slow run delays the next one. The schedule survives a restart: the
 * first run comes one interval after the last run's end (at once when that is already past).
 *
 * <p>When the timer fires while another run is under way, nothing is queued behind it: that run's end re-arms the
 * timer. The pipeline must therefore call {@link #runFinished} at the end of every run, failed ones included (in a
 * {@code finally}). As a safety net the timer is also re-armed one interval ahead whenever it fires, so a run that
 * never reports its end delays the schedule but does not stop it.
 *
 * <p>Time comes from the injected {@link Clock}, delays go through the injected {@link ScheduledExecutorService}.
 * Thread-safe.
 */
public final class SyncScheduler {
    /** The intervals offered to the user, in minutes. */
    public static final List<Integer> INTERVALS = List.of(10, 15, 30, 60, 180);

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final ScheduledExecutorService ses;
    private final SyncCoordinator coordinator;
    private final Clock clock;
    /** What one "minute" of an interval lasts; tests set milliseconds. */
    volatile Duration unit = Duration.ofMinutes(1);

    private final Object lock = new Object();
    private Duration interval;
    private ScheduledFuture<?> timer;
    private Instant next;
    /** Bumped on every (re)arm and stop, so a timer that fires after being replaced does nothing. */
    private long generation;

    public SyncScheduler(ScheduledExecutorService ses, SyncCoordinator coordinator, Clock clock) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts (or restarts with a new interval) the schedule.
     *
     * @param intervalMinutes one of {@link #INTERVALS}
     * @param lastRunEnd      when the last run ended, whatever its trigger (kept across restarts); null when there
     *                        was none: the first run then comes one interval from now (never later, even when
     *                        the clock was set back)
     * @throws IllegalArgumentException when the interval is not one of {@link #INTERVALS}
     */
    public void start(int intervalMinutes, Instant lastRunEnd) {
        if (!INTERVALS.contains(intervalMinutes)) {
            throw new IllegalArgumentException("sync interval must be one of " + INTERVALS + " minutes, not "
                    + intervalMinutes);
        }
        synchronized (lock) {
            interval = unit.multipliedBy(intervalMinutes);
            Instant now = clock.instant();
            Instant latest = now.plus(interval);
            Instant first = lastRunEnd == null ? latest : lastRunEnd.plus(interval);
            // A last end in the future means the clock was set back: never wait longer than one interval.
            arm(first.isBefore(now) ? now : first.isAfter(latest) ? latest : first);
            LOG.info("Scheduled sync every {} minutes, next at {}", intervalMinutes, next);
        }
    }

    /** Stops the schedule; a run under way is not interrupted. Starting again is allowed. */
    public void stop() {
        synchronized (lock) {
            if (interval == null) {
                return;
            }
            disarm();
            interval = null;
            LOG.info("Scheduled sync stopped");
        }
    }

    /**
     * When the next scheduled run is due; empty when stopped. While a run is under way this is the safety-net time,
     * replaced by {@code end + interval} when the run reports its end.
     */
    public Optional<Instant> nextRun() {
        synchronized (lock) {
            return Optional.ofNullable(next);
        }
    }

    /**
     * Reports the end of a run, whatever its trigger: the next scheduled run moves to {@code end + interval}. Ignored
     * while the schedule is stopped.
     */
    public void runFinished(Instant end) {
        Objects.requireNonNull(end, "end");
        synchronized (lock) {
            if (interval == null) {
                return;
            }
            arm(end.plus(interval));
            LOG.debug("Sync ended at {}; next scheduled run at {}", end, next);
        }
    }

    /** Under {@link #lock}: replaces the timer by one firing at {@code at}. */
    private void arm(Instant at) {
        disarm();
        long gen = generation;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        next = at;
        timer = ses.schedule(() -> fire(gen), delay, TimeUnit.NANOSECONDS);
    }

    /** Under {@link #lock}. */
    private void disarm() {
        generation++;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        next = null;
    }

    private void fire(long gen) {
        synchronized (lock) {
            if (gen != generation || interval == null) {
                return;
            }
            // Safety net, replaced by runFinished as soon as the run (or the one under way) ends.
            arm(clock.instant().plus(interval));
        }
        try {
            if (coordinator.requestIfIdle(SyncTrigger.SCHEDULED)) {
                LOG.debug("Scheduled sync started");
            } else {
                LOG.debug("Scheduled sync skipped: another run is under way and will re-arm the schedule");
            }
        } catch (RuntimeException e) {
            LOG.warn("Scheduled sync could not start: {}", e.getClass().getName(), e);
        }
    }
}
