package org.carnet.core.dhis2;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to download: one program; the org units (empty = the roots of the user's capture scope), always with their
 * descendants; the tracked entities updated since {@code updatedAfter} (server-local time; null = everything);
 * optionally only enrollments dated on or after {@code enrolledAfter}. Deleted records are always included as
 * tombstones. {@code startOffset} resumes an interrupted download at that record (0: from the start).
 */
public record DownloadRequest(String programUid, List<String> orgUnits, LocalDateTime updatedAfter,
        java.time.LocalDate enrolledAfter, long startOffset) {
    /** DHIS2 uid: a letter then 10 letters or digits. */
    public static final Pattern UID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]{10}$");

    public DownloadRequest {
        Objects.requireNonNull(programUid, "programUid");
        requireUid(programUid);
        orgUnits = orgUnits == null ? List.of() : List.copyOf(orgUnits);
        orgUnits.forEach(DownloadRequest::requireUid);
        if (startOffset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
    }

    public DownloadRequest(String programUid, List<String> orgUnits, LocalDateTime updatedAfter,
            java.time.LocalDate enrolledAfter) {
        this(programUid, orgUnits, updatedAfter, enrolledAfter, 0);
    }

    /**
     * The same query resumed at record {@code offset} (where an interrupted run stopped; rounded down to a page
     * boundary by the client, so a few records may be delivered again).
     */
    public DownloadRequest resumedAt(long offset) {
        return new DownloadRequest(programUid, orgUnits, updatedAfter, enrolledAfter, offset);
    }

    public static DownloadRequest full(String programUid) {
        return new DownloadRequest(programUid, List.of(), null, null);
    }

    public static DownloadRequest since(String programUid, LocalDateTime updatedAfter) {
        return new DownloadRequest(programUid, List.of(), updatedAfter, null);
    }

    /** Rejects anything that is not a DHIS2 uid before it reaches a URL. */
    public static String requireUid(String uid) {
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("not a DHIS2 uid");
        }
        return uid;
    }
}
