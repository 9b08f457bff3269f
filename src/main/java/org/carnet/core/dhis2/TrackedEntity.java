package org.carnet.core.dhis2;

import java.util.List;
import java.util.Optional;

/**
 * A tracked entity (old API: tracked entity instance) with its attribute values and enrollments, in the same shape
 * whatever the DHIS2 version. {@code deleted} marks a soft-deleted tombstone ({@code includeDeleted=true}).
 * {@link #toString()} shows identifiers only.
 */
public record TrackedEntity(String uid, String trackedEntityType, String orgUnit, String createdAt, String updatedAt,
        boolean inactive, boolean deleted, List<AttributeValue> attributes, List<Enrollment> enrollments) {
    public TrackedEntity {
        attributes = List.copyOf(attributes);
        enrollments = List.copyOf(enrollments);
    }

    /** The value of an attribute by uid. */
    public Optional<String> value(String attributeUid) {
        return attributes.stream().filter(a -> a.attribute().equals(attributeUid)).map(AttributeValue::value)
                .findFirst();
    }

    /** The enrollments in {@code programUid}. */
    public List<Enrollment> enrollmentsIn(String programUid) {
        return enrollments.stream().filter(e -> programUid.equals(e.program())).toList();
    }

    /**
     * True when this entity is a live member of the program: not soft-deleted, with at least one enrollment in it that
     * is not soft-deleted. With {@code includeDeleted=true} DHIS2 also returns entities whose only enrollment in the
     * program was deleted; for a sync those have left the program.
     */
    public boolean activeIn(String programUid) {
        return !deleted && enrollments.stream().anyMatch(e -> programUid.equals(e.program()) && !e.deleted());
    }

    @Override
    public String toString() {
        return "TrackedEntity[" + uid + ", attributes=" + attributes.size() + ", enrollments=" + enrollments.size()
                + (deleted ? ", deleted" : "") + "]";
    }
}
