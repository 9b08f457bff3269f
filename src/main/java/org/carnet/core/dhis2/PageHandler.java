package org.carnet.core.dhis2;

import java.util.List;

/**
 * Receives a download page by page, so memory stays flat whatever the number of entities. A page may be empty: DHIS2
 * filters ownership after paging. Throwing stops the download and the exception reaches the caller
 * unchanged.
 */
@FunctionalInterface
public interface PageHandler<E extends Exception> {
    /**
     * @param page     1-based page counter of this run
     * @param entities the page's tracked entities not already delivered in this run
     * @param expected total the server announced, or -1
     */
    void onPage(int page, List<TrackedEntity> entities, long expected) throws E;

    /**
     * As {@link #onPage(int, List, long)}, also told the record offset the next page starts at: a checkpoint from
     * which {@link DownloadRequest#resumedAt(long)} resumes after this page.
     */
    default void onPage(int page, List<TrackedEntity> entities, long expected, long nextOffset) throws E {
        onPage(page, entities, expected);
    }
}
