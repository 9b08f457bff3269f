package org.carnet.core.registry;

import java.time.Instant;
import java.util.List;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.guard.SensitiveValue;

/**
 * One enrollment of a tracked entity in a program, linked to an MPI identity, with its attribute values and the
 * guard category of each (values and categories are encrypted together). Read back from the registry, {@code teiUid}
 * is null: the registry keeps it only as a blind index.
 */
public record EnrollmentRecord(String enrollmentUid, String programUid, String orgUnitUid, String teiUid,
        String mpiId, String status, Instant enrolledAt, Instant occurredAt, Instant updatedAt,
        List<Value> values) {
    public EnrollmentRecord {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * An attribute value as the sensitive-data guard released it: plain text, or a {@link SensitiveValue} that nothing
     * but the registry's storage can read.
     */
    public record Value(String attributeUid, GuardedValue value) {
        public Value {
            value = value == null ? new GuardedValue.Plain("") : value;
        }

        /** The value of an attribute the guard classified as {@code category}. */
        public Value(String attributeUid, String text, SensitiveCategory category) {
            this(attributeUid, GuardedValue.of(text, category));
        }

        public SensitiveCategory category() {
            return value.category();
        }

        @Override
        public String toString() {
            return "Value[" + attributeUid + ", " + value.category() + "]";
        }
    }

    @Override
    public String toString() {
        return "EnrollmentRecord[" + enrollmentUid + ", " + programUid + "]";
    }
}
