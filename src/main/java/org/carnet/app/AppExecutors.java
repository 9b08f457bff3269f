package org.carnet.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every thread pool of the application: named daemon threads whose failures are logged, all shut down on
 * exit. Features take the pool they need from here; nobody creates threads on the side.
 */
public final class AppExecutors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppExecutors.class);

    private final List<ExecutorService> all = new ArrayList<>();
    private final ExecutorService io;
    private final ExecutorService registryWriter;
    private final ExecutorService previewRender;
    private final ExecutorService bulkRender;
    private final ExecutorService cardRender;
    private final ExecutorService sync;
    private final java.util.concurrent.ScheduledExecutorService syncTimer;

    public AppExecutors() {
        int cores = Runtime.getRuntime().availableProcessors();
        io = track(Executors.newFixedThreadPool(4, named("io")));
        registryWriter = track(Executors.newSingleThreadExecutor(named("registry-writer")));
        previewRender = track(Executors.newSingleThreadExecutor(named("preview-render")));
        bulkRender = track(Executors.newFixedThreadPool(Math.max(1, cores - 1), named("bulk-render")));
        cardRender = track(Executors.newFixedThreadPool(Math.max(1, cores - 1), named("card-render")));
        sync = track(Executors.newSingleThreadExecutor(named("sync")));
        syncTimer = Executors.newSingleThreadScheduledExecutor(named("sync-timer"));
        track(syncTimer);
    }

    private ExecutorService track(ExecutorService e) {
        all.add(e);
        return e;
    }

    static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, ex) ->
                    LOG.error("Uncaught failure on thread {}", thread.getName(), ex));
            return t;
        };
    }

    public ExecutorService io() {
        return io;
    }

    public ExecutorService registryWriter() {
        return registryWriter;
    }

    public ExecutorService previewRender() {
        return previewRender;
    }

    public ExecutorService bulkRender() {
        return bulkRender;
    }

    /** Draws and encodes the PNG cards of a bulk job that runs on {@link #bulkRender()}. */
    public ExecutorService cardRender() {
        return cardRender;
    }

    public ExecutorService sync() {
        return sync;
    }

    /** The sync schedule's timer (it only asks the sync executor for a run). */
    public java.util.concurrent.ScheduledExecutorService syncTimer() {
        return syncTimer;
    }

    @Override
    public void close() {
        all.forEach(ExecutorService::shutdownNow);
        for (ExecutorService e : all) {
            try {
                if (!e.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("An executor did not stop within 2 s");
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
