package org.carnet.core.dhis2;

/**
 * An enrollment of a tracked entity in a program. Dates are DHIS2's zone-less server-local timestamps as sent
 * (parse them with {@link Dhis2Time}).
 */
public record Enrollment(String uid, String program, String status, String orgUnit, String enrolledAt,
        String occurredAt, String updatedAt, boolean deleted) {
}
