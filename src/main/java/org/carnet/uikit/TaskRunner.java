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

    /**
     * As {@link #run(String, Work, Consumer, Consumer)}, also handing each progress message key to {@code onMessage}
     * on the FX thread.
     */
    <T> Handle run(String name, Work<T> work, Consumer<String> onMessage, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onError);

    /** Runs work on the calling thread; for view-model tests. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> Handle run(String name, Work<T> work, Consumer<? super T> onSuccess,
                    Consumer<? super Throwable> onError) {
                return run(name, work, key -> { }, onSuccess, onError);
            }

            @Override
            public <T> Handle run(String name, Work<T> work, Consumer<String> onMessage, Consumer<? super T> onSuccess,
                    Consumer<? super Throwable> onError) {
                try {
                    onSuccess.accept(work.call(new ProgressSink() {
                        @Override
                        public void progress(long done, long total) {
                        }

                        @Override
                        public void message(String messageKey, Object... args) {
                            onMessage.accept(messageKey);
                        }
                    }));
                } catch (Exception e) {
                    onError.accept(e);
                }
                return () -> { };
            }
        };
    }
}
