package org.carnet.core.registry;

import java.time.Instant;

/**
 * One sync run as the registry keeps it: counters only (no personal data), in plaintext columns.
 *
 * @param status     {@code running}, {@code success}, {@code partial}, {@code failed} or {@code cancelled}
 * @param mpiLinked  records linked to an existing identity
 * @param mpiReview  new identities sent to review
 * @param mpiNew     new identities without a close candidate
 * @param errorCode  a stable code such as {@code DHIS2_AUTH_FAILED} (null on success)
 * @param detail     JSON with the run's options and its error message key and arguments (identifiers only)
 */
public record SyncRunRecord(String id, String programUid, String trigger, String status, Instant startedAt,
        Instant finishedAt, long fetched, long created, long updated, long unchanged, long deleted, long mpiLinked,
        long mpiReview, long mpiNew, long sensitiveBlocked, long durationMs, String errorCode, String detail) {
}
