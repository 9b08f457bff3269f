package org.carnet.core.common;

/** How long-running core work reports progress without knowing who listens (UI, CLI, nothing). */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public void message(String messageKey, Object... args) {
        }
    };

    /** {@code total} may be -1 when unknown. */
    void progress(long done, long total);

    /** A resource-bundle key with arguments; never personal values. */
    void message(String messageKey, Object... args);
}
