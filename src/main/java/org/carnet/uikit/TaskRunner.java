package org.carnet.uikit;

import java.util.function.Consumer;
import org.carnet.core.common.ProgressSink;

/**
 * Runs core work off the FX thread and hands the result back on it. View models depend on this interface only;
 * tests use {@link #direct()}, which runs everything on the calling thread and needs no toolkit.
 */
public interface TaskRunner {

    /** Blocking core work: plain Java, may report progress, honours interruption. */
    @FunctionalInterface
    interface Work<T> {
        T call(ProgressSink progress) throws Exception;
    }

    /** Handle on submitted work. */
    interface Handle {
        void cancel();
    }

    <T> Handle run(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);

    /** Runs work on the calling thread; for view-model tests. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> Handle run(String name, Work<T> work, Consumer<? super T> onSuccess,
                    Consumer<? super Throwable> onError) {
                try {
                    onSuccess.accept(work.call(ProgressSink.NONE));
                } catch (Exception e) {
                    onError.accept(e);
                }
                return () -> { };
            }
        };
    }
}
