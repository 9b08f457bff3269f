package org.carnet.core.dhis2;

import java.time.LocalDateTime;

/**
 * The end of a completed download: the server date read when it started (the next incremental run's cursor, before
 * the overlap), the pages read and the tracked entities delivered (each uid once, newest version).
 */
public record DownloadSummary(LocalDateTime serverDateAtStart, int pages, long delivered, long duplicatesSkipped,
        int finalPageSize) {
}
