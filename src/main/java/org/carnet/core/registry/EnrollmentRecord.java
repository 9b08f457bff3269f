package org.carnet.core.registry;

import java.time.Instant;
import java.util.List;

/**
 * One enrollment of a tracked entity in a program, linked to an MPI identity, with its attribute values and the
 * guard category of each (values and categories are encrypted together).
 */
public record EnrollmentRecord(String enrollmentUid, String programUid, String orgUnitUid, String teiUid,
        String mpiId, String status, Instant enrolledAt, Instant occurredAt, Instant updatedAt,
        List<Value> values) {
    public EnrollmentRecord {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** An attribute value; {@code category} is the sensitive-data guard's verdict (null when not sensitive). */
    public record Value(String attributeUid, String value, String category) {
        @Override
        public String toString() {
            return "Value[" + attributeUid + "]";
        }
    }

    @Override
    public String toString() {
        return "EnrollmentRecord[" + enrollmentUid + ", " + programUid + "]";
    }
}
