package org.carnet.core.demo;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The demo database: ground truth for tests (which person each tracked entity is, who is in which program, what a
 * correct sync must see) and the mutations an incremental sync must notice. Entities are numbered in creation
 * order, which is also DHIS2's internal id order used for paging. Thread-safe; a mutation waits for answers being
 * streamed and is visible to the next request.
 */
public interface DemoDataset {
    /** Number of tracked entities, soft-deleted and added ones included. */
    int size();

    /** The UID of the entity created {@code index}-th (0-based). */
    String entityUid(int index);

    /** The creation index of an entity UID, or -1 when no such entity exists. */
    int indexOf(String entityUid);

    /** The real person behind an entity: two entities with the same person id are the same human being. */
    int personId(String entityUid);

    /** How many different persons the entities stand for. */
    int personCount();

    /** All entities that stand for a person, in creation order (more than one for duplicate registrations). */
    List<String> entitiesOfPerson(int personId);

    /** The UID of a program. */
    String programUid(DemoProgramKind program);

    /** The UID of the tracked entity type "Personne". */
    String trackedEntityTypeUid();

    /** True when the entity is soft-deleted. */
    boolean isDeleted(String entityUid);

    /** True when the entity has a non-deleted enrollment in the program. */
    boolean isEnrolled(String entityUid, DemoProgramKind program);

    /** The entity's enrollment UIDs, soft-deleted ones included. */
    List<String> enrollmentUids(String entityUid);

    /** The entity's enrollment UIDs in one program, soft-deleted ones included. */
    List<String> enrollmentUids(String entityUid, DemoProgramKind program);

    /** True when the enrollment is soft-deleted. */
    boolean isEnrollmentDeleted(String enrollmentUid);

    /** The org unit the entity was registered at. */
    String orgUnitUid(String entityUid);

    /** The org unit owning the entity in a program (DHIS2 program ownership), or null when not enrolled. */
    String ownerOrgUnitUid(String entityUid, DemoProgramKind program);

    /** The entity's last update, server-local time (the zone of the configured clock). */
    LocalDateTime updatedAt(String entityUid);

    /** The demo user's capture org units, as listed by {@code /api/me} (one of them lies inside another). */
    List<String> captureOrgUnitUids();

    /** The demo user's search org units: wider than the capture scope. */
    List<String> searchOrgUnitUids();

    /** Entities not deleted with a non-deleted enrollment in the program, wherever they are owned. */
    List<String> enrolledEntities(DemoProgramKind program);

    /**
     * What a correct full sync of the program sees: entities not deleted, with a non-deleted enrollment in the
     * program, owned inside the demo user's capture scope; in creation order.
     */
    List<String> visibleEntities(DemoProgramKind program);

    /** Changes the entity's phone number and address and sets its {@code updatedAt} to the server clock's now. */
    void update(String entityUid);

    /** Soft-deletes the entity; its {@code updatedAt} becomes now (the tombstone's time). */
    void softDelete(String entityUid);

    /** Soft-deletes one enrollment; the enrollment's and its entity's {@code updatedAt} become now. */
    void softDeleteEnrollment(String enrollmentUid);

    /**
     * Registers new persons at org units of the capture scope, enrolled in {@code program}, created and updated now;
     * returns their UIDs (they come last in DHIS2's internal id order).
     */
    List<String> addEntities(int count, DemoProgramKind program);

    /**
     * Transfers the program ownership of an entity to another org unit without changing any {@code updatedAt}, as
     * DHIS2 does: an incremental sync does not notice it.
     */
    void transferOwnership(String entityUid, DemoProgramKind program, String orgUnitUid);
}
