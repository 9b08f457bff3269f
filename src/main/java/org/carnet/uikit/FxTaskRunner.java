package org.carnet.uikit;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import org.carnet.core.common.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskRunner} over {@link javafx.concurrent.Task}: work runs on the given (named) executor; success and
 * failure are delivered on the FX thread. Counts running tasks so the status bar can show activity.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final Executor executor;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");

    public FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public <T> Handle run(String name, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onError) {
        return run(name, work, key -> { }, onSuccess, onError);
    }

    @Override
    public <T> Handle run(String name, Work<T> work, Consumer<String> onMessage, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new ProgressSink() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String messageKey, Object... args) {
                        updateMessage(messageKey);
                    }
                });
            }
        };
        task.messageProperty().addListener((o, a, key) -> {
            if (key != null && !key.isEmpty()) {
                onMessage.accept(key);
            }
        });
        running.set(running.get() + 1);
        task.setOnSucceeded(e -> {
            running.set(running.get() - 1);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.set(running.get() - 1);
            Throwable t = task.getException();
            LOG.warn("Background task '{}' failed: {}", name, t == null ? "unknown" : t.getClass().getSimpleName());
            onError.accept(t);
        });
        task.setOnCancelled(e -> running.set(running.get() - 1));
        executor.execute(task);
        return () -> task.cancel(true);
    }
}
