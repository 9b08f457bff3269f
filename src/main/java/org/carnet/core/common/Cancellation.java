package org.carnet.core.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel button's reach into core work: the work registers what stops it (closing a connection, cancelling a
 * request); {@link #cancel()} runs those hooks from any thread.
 */
public final class Cancellation {
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Registers {@code hook}; runs it at once if already cancelled. Close the result when the work is done. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
