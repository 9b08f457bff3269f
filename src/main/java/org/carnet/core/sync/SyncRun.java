package org.carnet.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * The record of one sync run, as {@code carnet sync --json} prints it and the Sync tab lists it. Counters only: no
 * personal data.
 *
 * @param fetched          tracked entities received from the server
 * @param created          enrollments new to the registry
 * @param updated          enrollments that changed
 * @param unchanged        enrollments received again without a change
 * @param deleted          enrollments removed (deleted on the server, left the program or, in a full run, the scope)
 * @param mpiLinked        records linked to an existing identity
 * @param mpiReview        new identities with a probable duplicate sent to the review queue
 * @param mpiNew           new identities
 * @param sensitiveBlocked sensitive values kept in the registry only
 * @param suggestedMapping whether the program had no saved mapping and the suggestions were used
 * @param resumedAt        the record offset an interrupted run was resumed at (0 = from the start)
 * @param errorCode        a stable code ({@code DHIS2_AUTH_FAILED}, {@code DHIS2_TIMEOUT}…), null on success
 * @param errorKey         the message key of the error, with {@code errorArgs} (identifiers only)
 * @param cards            cards generated for new and changed enrollments after the run (-1: cards from sync is off)
 * @param cardsErrorKey    why card generation failed (the sync itself stands), else null
 */
public record SyncRun(String id, String programUid, SyncTrigger trigger, SyncRequest.Mode mode, Status status,
        Instant startedAt, Instant finishedAt, long fetched, long created, long updated, long unchanged, long deleted,
        long mpiLinked, long mpiReview, long mpiNew, long sensitiveBlocked, long durationMs, boolean suggestedMapping,
        long resumedAt, String errorCode, String errorKey, List<String> errorArgs, long cards, String cardsErrorKey) {

    /** How a run ended. */
    public enum Status {
        RUNNING, SUCCESS, PARTIAL, FAILED, CANCELLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** No cards step ran. */
    public static final long NO_CARDS = -1;

    public SyncRun {
        errorArgs = errorArgs == null ? List.of() : List.copyOf(errorArgs);
    }
}
