package org.carnet.core.dhis2;

import java.util.List;

/**
 * The first tracked entities enrolled in a program (in the user's scope) and the total count the server reports
 * ({@code -1} when it gave none).
 */
public record EnrollmentPreview(String programUid, long total, List<TrackedEntity> first) {
    public EnrollmentPreview {
        first = List.copyOf(first);
    }
}
