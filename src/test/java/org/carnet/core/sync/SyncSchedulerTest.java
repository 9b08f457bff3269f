package org.carnet.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixed delay from the end of a run, across restarts, never overlapping. Exact delays are checked with a clock the
 * test sets and an executor that records what it is asked to schedule; the timing test runs real timers with
 * "minutes" of 10 ms.
 */
class SyncSchedulerTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingScheduler ses = new RecordingScheduler();
    private final ExecutorService runs = Executors.newSingleThreadExecutor(daemon("sync-run-test"));
    private final List<SyncTrigger> triggers = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        ses.shutdownNow();
        runs.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Test
    void onlyTheOfferedIntervalsAreAccepted() {
        assertEquals(List.of(10, 15, 30, 60, 180), SyncScheduler.INTERVALS);
        SyncScheduler s = new SyncScheduler(ses, new SyncCoordinator(runs, triggers::add), new SetClock(T));
        for (int bad : new int[] {0, -10, 1, 5, 20, 45, 90, 120, 240, Integer.MAX_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> s.start(bad, null), "interval " + bad);
        }
        assertEquals(Optional.empty(), s.nextRun(), "a refused interval starts nothing");
        for (int ok : SyncScheduler.INTERVALS) {
            s.start(ok, null);
            assertEquals(Optional.of(T.plus(Duration.ofMinutes(ok))), s.nextRun());
        }
        s.stop();
        assertEquals(Optional.empty(), s.nextRun());
    }

    @Test
    void theFirstRunComesOneIntervalAfterTheLastRunsEnd() {
        SyncScheduler s = new SyncScheduler(ses, new SyncCoordinator(runs, triggers::add), new SetClock(T));

        s.start(30, T.minus(Duration.ofMinutes(10)));
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(20))), s.nextRun(), "restart: 30 min after the last end");
        assertEquals(Duration.ofMinutes(20), ses.lastDelay());

        s.start(60, null);
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(60))), s.nextRun(), "no previous run: one interval");
        assertEquals(Duration.ofMinutes(60), ses.lastDelay());

        s.start(15, T.plus(Duration.ofDays(2)));
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(15))), s.nextRun(), "clock set back: one interval at most");
        assertEquals(1, ses.live(), "a restart replaces the timer");
        assertTrue(triggers.isEmpty());
    }

    @Test
    void anOverdueFirstRunStartsAtOnce() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        SyncCoordinator coordinator = new SyncCoordinator(runs, t -> {
            triggers.add(t);
            ran.countDown();
        });
        SyncScheduler s = new SyncScheduler(ses, coordinator, new SetClock(T));
        s.start(10, T.minus(Duration.ofHours(3)));
        assertEquals(Duration.ZERO, ses.delays.get(0));
        assertTrue(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(coordinator.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.SCHEDULED), triggers);
    }

    @Test
    void theEndOfAnyRunMovesTheNextScheduledRun() {
        SetClock clock = new SetClock(T);
        SyncScheduler s = new SyncScheduler(ses, new SyncCoordinator(runs, triggers::add), clock);
        s.start(10, null);
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), s.nextRun());

        clock.set(T.plus(Duration.ofMinutes(7)));
        s.runFinished(T.plus(Duration.ofMinutes(6)));  // a manual run ended a minute ago
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(16))), s.nextRun());
        assertEquals(Duration.ofMinutes(9), ses.lastDelay());
        assertEquals(1, ses.live(), "the earlier timer was cancelled");

        s.stop();
        s.runFinished(T.plus(Duration.ofMinutes(8)));
        assertEquals(Optional.empty(), s.nextRun(), "ignored while stopped");
        assertEquals(0, ses.live());
    }

    @Test
    void aTimerFiringDuringAnotherRunQueuesNothing() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator coordinator = new SyncCoordinator(runs, t -> {
            triggers.add(t);
            started.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SyncScheduler s = new SyncScheduler(ses, coordinator, new SetClock(T));
        assertTrue(coordinator.request(SyncTrigger.MANUAL));
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        s.start(10, T.minus(Duration.ofHours(1)));  // due now, while the manual run is under way
        ses.awaitFired(1);
        release.countDown();
        assertTrue(coordinator.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.MANUAL), triggers, "no scheduled run right behind the manual one");
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), s.nextRun(), "re-armed, not lost");
    }

    @Test
    void runsNeverOverlapAndASlowRunDelaysTheNext() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        List<Instant> ends = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch fourRuns = new CountDownLatch(4);
        SyncScheduler[] holder = new SyncScheduler[1];
        SyncCoordinator coordinator = new SyncCoordinator(runs, t -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            starts.add(clock.instant());
            try {
                Thread.sleep(starts.size() == 1 ? 450 : 20);  // the first run is slower than the interval
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
                Instant end = clock.instant();
                ends.add(end);
                holder[0].runFinished(end);  // what the pipeline does at the end of every run
                fourRuns.countDown();
            }
        });
        ScheduledThreadPoolExecutor real = new ScheduledThreadPoolExecutor(2, daemon("sync-scheduler-test"));
        try {
            SyncScheduler s = new SyncScheduler(real, coordinator, clock);
            s.unit = Duration.ofMillis(10);  // 10 "minutes" = 100 ms
            holder[0] = s;
            s.start(10, clock.instant().minus(Duration.ofHours(1)));
            assertTrue(fourRuns.await(WAIT.toSeconds(), TimeUnit.SECONDS), "four scheduled runs");
            s.stop();
            assertTrue(coordinator.awaitIdle(WAIT));
        } finally {
            real.shutdownNow();
        }
        assertEquals(1, maxConcurrent.get(), "never overlapping");
        Duration interval = Duration.ofMillis(100);
        Duration tolerance = Duration.ofMillis(5);
        for (int i = 0; i + 1 < 4; i++) {
            Duration gap = Duration.between(ends.get(i), starts.get(i + 1));
            assertTrue(gap.compareTo(interval.minus(tolerance)) >= 0, "gap after run " + i + ": " + gap);
        }
        Duration firstToSecond = Duration.between(starts.get(0), starts.get(1));
        assertTrue(firstToSecond.compareTo(Duration.ofMillis(550 - 5)) >= 0,
                "the slow run pushed the next one back: " + firstToSecond);
    }

    /** A real single-thread scheduler that remembers every delay it was asked for. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();
        final List<ScheduledFuture<?>> futures = new ArrayList<>();
        final AtomicInteger fired = new AtomicInteger();

        RecordingScheduler() {
            super(1, daemon("sync-scheduler-recording"));
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            ScheduledFuture<?> f = super.schedule(() -> {
                command.run();
                fired.incrementAndGet();
            }, delay, unit);
            futures.add(f);
            return f;
        }

        Duration lastDelay() {
            return delays.get(delays.size() - 1);
        }

        /** Timers neither cancelled nor run yet. */
        synchronized long live() {
            return futures.stream().filter(f -> !f.isDone()).count();
        }

        void awaitFired(int n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (fired.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(fired.get() >= n, "timer fired");
        }
    }

    /** A clock the test sets by hand. */
    private static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
