package org.carnet.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync at a time, whatever asks for it. {@link #request} starts the runner on the executor when nothing runs;
 * while a run is under way, requests coalesce: however many arrive, exactly one more run follows the current one,
 * with the trigger of the first request that waited. A runner that throws is logged and the coordinator carries on.
 *
 * <p>The coordinator knows nothing of the registry or the network: the runner does the work. Thread-safe.
 */
public final class SyncCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCoordinator.class);

    private final Executor executor;
    private final Consumer<SyncTrigger> runner;
    private final Object lock = new Object();
    /** True from the moment a run is handed to the executor until the last coalesced run has finished. */
    private boolean running;
    /** The trigger of the first request that arrived while running; null when none waits. */
    private SyncTrigger pending;

    /**
     * @param executor where runs execute (a single background thread is enough: runs never overlap)
     * @param runner   the sync itself, called with the trigger of the run; it should not throw, but may
     */
    public SyncCoordinator(Executor executor, Consumer<SyncTrigger> runner) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Asks for a sync.
     *
     * @return true when a run was started for this trigger; false when one is already running, in which case one
     *         more run follows it (only one, however many requests coalesce)
     * @throws RejectedExecutionException when the executor refuses the run (shut down); the coordinator stays idle
     */
    public boolean request(SyncTrigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        synchronized (lock) {
            if (running) {
                if (pending == null) {
                    pending = trigger;
                    LOG.debug("Sync ({}) requested while a run is under way: it will follow", trigger);
                } else {
                    LOG.debug("Sync ({}) requested while a run is under way: coalesced with {}", trigger, pending);
                }
                return false;
            }
            running = true;
        }
        start(trigger);
        return true;
    }

    /**
     * Asks for a sync only when nothing runs or waits; never coalesces. The {@link SyncScheduler} uses it so that a
     * timer firing during another run does not queue a run right behind it.
     *
     * @return true when a run was started for this trigger
     * @throws RejectedExecutionException when the executor refuses the run (shut down); the coordinator stays idle
     */
    public boolean requestIfIdle(SyncTrigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        synchronized (lock) {
            if (running) {
                return false;
            }
            running = true;
        }
        start(trigger);
        return true;
    }

    /** True while a run is under way or a coalesced run waits for it. */
    public boolean running() {
        synchronized (lock) {
            return running;
        }
    }

    /**
     * Waits until no run is under way and none waits, for tests and shutdown. Does not stop anything. An interrupt
     * ends the wait early (the thread's interrupt status is kept).
     *
     * @return true when idle, false when the timeout passed or the thread was interrupted first
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void start(SyncTrigger trigger) {
        try {
            executor.execute(() -> drain(trigger));
        } catch (RuntimeException e) {
            synchronized (lock) {
                running = false;
                pending = null;
                lock.notifyAll();
            }
            throw e;
        }
    }

    /** Runs {@code first}, then the coalesced run if one was asked for meanwhile, and so on until none waits. */
    private void drain(SyncTrigger first) {
        SyncTrigger trigger = first;
        while (trigger != null) {
            runOnce(trigger);
            synchronized (lock) {
                trigger = pending;
                pending = null;
                if (trigger == null) {
                    running = false;
                    lock.notifyAll();
                }
            }
        }
    }

    private void runOnce(SyncTrigger trigger) {
        LOG.debug("Sync ({}) starting", trigger);
        try {
            runner.accept(trigger);
        } catch (RuntimeException e) {
            LOG.error("Sync ({}) failed: {}", trigger, e.getClass().getName(), e);
        } catch (Error e) {
            LOG.error("Sync ({}) failed: {}", trigger, e.getClass().getName(), e);
            synchronized (lock) {
                running = false;
                pending = null;
                lock.notifyAll();
            }
            throw e;
        }
    }
}
