package org.carnet.core.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What to sync: one program; {@link Mode#INCREMENTAL} since the last completed run's cursor, {@link Mode#SINCE} a
 * chosen date, or {@link Mode#FULL} everything (which also reconciles: enrollments the server no longer returns are
 * removed); optionally one org unit (with its descendants) and only enrollments dated on or after
 * {@code enrolledAfter}.
 */
public record SyncRequest(String programUid, Mode mode, LocalDateTime since, String orgUnit, LocalDate enrolledAfter,
        SyncTrigger trigger) {
    /** How far back a run reaches. */
    public enum Mode { INCREMENTAL, SINCE, FULL }

    public SyncRequest {
        Objects.requireNonNull(programUid, "programUid");
        mode = mode == null ? Mode.INCREMENTAL : mode;
        trigger = trigger == null ? SyncTrigger.MANUAL : trigger;
        if (mode == Mode.SINCE && since == null) {
            throw new IllegalArgumentException("SINCE needs a date");
        }
    }

    public static SyncRequest incremental(String programUid, SyncTrigger trigger) {
        return new SyncRequest(programUid, Mode.INCREMENTAL, null, null, null, trigger);
    }

    public static SyncRequest full(String programUid, SyncTrigger trigger) {
        return new SyncRequest(programUid, Mode.FULL, null, null, null, trigger);
    }

    /** The key under which an interrupted run of this request can be resumed (same mode and filters). */
    String resumeKey() {
        return mode + "|" + (since == null ? "" : since) + "|" + (orgUnit == null ? "" : orgUnit) + "|"
                + (enrolledAfter == null ? "" : enrolledAfter);
    }
}
