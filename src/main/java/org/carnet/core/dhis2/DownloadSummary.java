package org.carnet.core.dhis2;

import java.time.LocalDateTime;

/**
 * The end of a completed download: the server date read when it started (the next incremental run's cursor, before
 * the overlap), the pages read and the tracked entities delivered (each uid once, newest version).
 */
public record DownloadSummary(LocalDateTime serverDateAtStart, int pages, long delivered, long duplicatesSkipped,
        int finalPageSize) {
    /** How far the next incremental run reaches back before this run's start (late-committing transactions). */
    public static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(5);

    /**
     * The {@code updatedAfter} of the next incremental run: this run's server start time minus {@link #OVERLAP}. Never
     * the laptop clock. Records seen twice are deduplicated by uid and {@code updatedAt}.
     */
    public LocalDateTime nextCursor() {
        return serverDateAtStart == null ? null : serverDateAtStart.minus(OVERLAP);
    }
}
