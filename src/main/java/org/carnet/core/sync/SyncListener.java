package org.carnet.core.sync;

/**
 * Told when a sync run ends, whatever its outcome (card generation and notifications subscribe here). Called on the
 * sync's thread: hand long work to another executor.
 */
@FunctionalInterface
public interface SyncListener {
    void finished(SyncRun run);
}
