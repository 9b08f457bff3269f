package org.carnet.core.dhis2.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.carnet.core.dhis2.ApiStrategy;
import org.carnet.core.dhis2.Dhis2Time;

/**
 * The exact tracked-entity requests of each version ({@code ../docs/dhis2-api.md} §7.2). A strategy sends only the
 * parameter names its versions bind: 2.42+ silently ignores old names, which would widen the scope.
 */
final class TrackerQueries {
    static final String OLD_FIELDS = "trackedEntityInstance,trackedEntityType,orgUnit,created,lastUpdated,inactive,"
            + "deleted,attributes[attribute,code,displayName,valueType,value,lastUpdated],"
            + "enrollments[enrollment,program,status,orgUnit,enrollmentDate,incidentDate,lastUpdated,deleted]";
    static final String NEW_FIELDS = "trackedEntity,trackedEntityType,orgUnit,createdAt,updatedAt,inactive,deleted,"
            + "attributes[attribute,code,displayName,valueType,value,updatedAt],"
            + "enrollments[enrollment,program,status,orgUnit,enrolledAt,occurredAt,updatedAt,deleted,"
            + "attributes[attribute,code,displayName,valueType,value]]";

    private TrackerQueries() {
    }

    static String path(ApiStrategy s) {
        return s == ApiStrategy.OLD_TRACKED_ENTITY_INSTANCES ? "trackedEntityInstances" : "tracker/trackedEntities";
    }

    /**
     * @param totalPages ask for the count (one expensive count query: page 1 only)
     */
    static Query trackedEntities(ApiStrategy s, String program, List<String> orgUnits, LocalDateTime updatedAfter,
            LocalDate enrolledAfter, int page, int pageSize, boolean totalPages) {
        Query q = Query.of().add("program", program);
        String since = updatedAfter == null ? null : Dhis2Time.format(updatedAfter);
        String enrolled = enrolledAfter == null ? null : enrolledAfter.toString();
        switch (s) {
            case OLD_TRACKED_ENTITY_INSTANCES -> q.add("ou", String.join(";", orgUnits)).add("ouMode", "DESCENDANTS")
                    .add("lastUpdatedStartDate", since).add("programStartDate", enrolled)
                    .add("fields", OLD_FIELDS);
            case NEW_INSTANCES -> q.add("orgUnit", String.join(";", orgUnits)).add("ouMode", "DESCENDANTS")
                    .add("updatedAfter", since).add("enrollmentEnrolledAfter", enrolled).add("fields", NEW_FIELDS);
            case NEW_PAGER_AND_FLAT, NEW_PAGER -> q.add("orgUnits", String.join(",", orgUnits))
                    .add("orgUnitMode", "DESCENDANTS").add("updatedAfter", since)
                    .add("enrollmentEnrolledAfter", enrolled).add("fields", NEW_FIELDS);
            default -> throw new IllegalStateException("unknown strategy " + s);
        }
        q.add("includeDeleted", "true").add("page", page).add("pageSize", pageSize);
        if (totalPages) {
            q.add("totalPages", "true");
        }
        return q;
    }
}
