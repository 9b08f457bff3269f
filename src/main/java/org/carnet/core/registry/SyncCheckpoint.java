package org.carnet.core.registry;

/**
 * Where the sync of one program stands. {@code cursor} is the server-local time the next incremental run asks for
 * changes after; it moves only when a run completes. While a run is under way (or was interrupted), the
 * {@code pending*} fields say how to resume it: the same query ({@code pendingSince}, {@code pendingMode}), from the
 * record offset reached ({@code pendingOffset}), and the cursor to keep when it completes ({@code pendingCursor}).
 */
public record SyncCheckpoint(String programUid, String cursor, String pendingRunId, String pendingSince,
        long pendingOffset, String pendingCursor, String pendingMode) {

    public boolean pending() {
        return pendingRunId != null;
    }

    public SyncCheckpoint withPending(String runId, String since, long offset, String cursorAtEnd, String mode) {
        return new SyncCheckpoint(programUid, cursor, runId, since, offset, cursorAtEnd, mode);
    }

    public SyncCheckpoint completed(String nextCursor) {
        return new SyncCheckpoint(programUid, nextCursor, null, null, 0, null, null);
    }
}
