package org.carnet.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One sync at a time; requests during a run coalesce into exactly one more run; a failing run wedges nothing. */
class SyncCoordinatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "sync-coordinator-test");
        t.setDaemon(true);
        return t;
    });
    private final List<SyncTrigger> runs = new CopyOnWriteArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    /** A runner that records its trigger and blocks the first run until {@code release} opens. */
    private SyncCoordinator blockingFirstRun(CountDownLatch started, CountDownLatch release) {
        return new SyncCoordinator(executor, t -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                runs.add(t);
                started.countDown();
                if (runs.size() == 1) {
                    await(release);
                }
            } finally {
                concurrent.decrementAndGet();
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS), "latch timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRequestWhileIdleStartsARunOnTheExecutor() {
        AtomicInteger thread = new AtomicInteger();
        SyncCoordinator c = new SyncCoordinator(executor, t -> {
            runs.add(t);
            thread.set(Thread.currentThread().getName().equals("sync-coordinator-test") ? 1 : -1);
        });
        assertFalse(c.running());
        assertTrue(c.request(SyncTrigger.MANUAL));
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.MANUAL), runs);
        assertEquals(1, thread.get(), "the runner runs on the executor");
        assertFalse(c.running());
    }

    @Test
    void tenRequestsDuringARunGiveExactlyOneMoreRunWithTheFirstWaitingTrigger() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator c = blockingFirstRun(started, release);

        assertTrue(c.request(SyncTrigger.MANUAL));
        await(started);
        assertTrue(c.running());
        SyncTrigger[] others = {SyncTrigger.WEBHOOK, SyncTrigger.SCHEDULED, SyncTrigger.RECONCILIATION,
                SyncTrigger.MANUAL, SyncTrigger.WEBHOOK, SyncTrigger.WEBHOOK, SyncTrigger.SCHEDULED,
                SyncTrigger.MANUAL, SyncTrigger.WEBHOOK, SyncTrigger.RECONCILIATION};
        for (SyncTrigger t : others) {
            assertFalse(c.request(t), "coalesced while running");
        }
        assertFalse(c.awaitIdle(Duration.ofMillis(50)), "still busy while the first run blocks");
        release.countDown();

        assertTrue(c.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.MANUAL, SyncTrigger.WEBHOOK), runs);
        assertEquals(1, maxConcurrent.get(), "runs never overlap");
        assertFalse(c.running());

        assertTrue(c.request(SyncTrigger.SCHEDULED), "idle again: the next request starts a run");
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(3, runs.size());
    }

    @Test
    void concurrentRequestsStartOneRunAndOneFollower() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator c = blockingFirstRun(started, release);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                await(go);
                if (c.request(SyncTrigger.WEBHOOK)) {
                    accepted.incrementAndGet();
                }
            });
            threads[i].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
        }
        await(started);
        release.countDown();
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(1, accepted.get(), "exactly one request started a run");
        assertEquals(2, runs.size(), "one run plus one coalesced follower");
        assertEquals(1, maxConcurrent.get());
    }

    @Test
    void aRunnerThatThrowsIsLoggedAndDoesNotWedgeTheCoordinator() {
        AtomicInteger calls = new AtomicInteger();
        SyncCoordinator c = new SyncCoordinator(executor, t -> {
            runs.add(t);
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("server unreachable");
            }
        });
        assertTrue(c.request(SyncTrigger.MANUAL));
        assertTrue(c.awaitIdle(WAIT));
        assertFalse(c.running());
        assertTrue(c.request(SyncTrigger.WEBHOOK), "a failed run leaves the coordinator idle");
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.MANUAL, SyncTrigger.WEBHOOK), runs);
    }

    @Test
    void aFailingRunStillRunsTheCoalescedOne() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator c = new SyncCoordinator(executor, t -> {
            runs.add(t);
            if (runs.size() == 1) {
                started.countDown();
                await(release);
                throw new IllegalStateException("boom");
            }
        });
        assertTrue(c.request(SyncTrigger.SCHEDULED));
        await(started);
        assertFalse(c.request(SyncTrigger.RECONCILIATION));
        release.countDown();
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.SCHEDULED, SyncTrigger.RECONCILIATION), runs);
    }

    @Test
    void requestIfIdleNeverQueuesBehindARun() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator c = blockingFirstRun(started, release);
        assertTrue(c.requestIfIdle(SyncTrigger.MANUAL));
        await(started);
        assertFalse(c.requestIfIdle(SyncTrigger.SCHEDULED));
        release.countDown();
        assertTrue(c.awaitIdle(WAIT));
        assertEquals(List.of(SyncTrigger.MANUAL), runs);
    }

    @Test
    void aRefusingExecutorLeavesTheCoordinatorIdle() {
        SyncCoordinator c = new SyncCoordinator(r -> {
            throw new RejectedExecutionException("shut down");
        }, runs::add);
        assertThrows(RejectedExecutionException.class, () -> c.request(SyncTrigger.MANUAL));
        assertFalse(c.running());
        assertTrue(c.awaitIdle(Duration.ZERO));
        assertTrue(runs.isEmpty());
    }

    @Test
    void awaitIdleGivesUpAfterItsTimeout() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCoordinator c = blockingFirstRun(started, release);
        c.request(SyncTrigger.MANUAL);
        await(started);
        long t0 = System.nanoTime();
        assertFalse(c.awaitIdle(Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(90));
        release.countDown();
        assertTrue(c.awaitIdle(WAIT));
    }

    @Test
    void triggersHaveTheirMessageKeys() {
        assertEquals("sync.trigger.WEBHOOK", SyncTrigger.WEBHOOK.messageKey());
        assertEquals(4, SyncTrigger.values().length);
    }
}
