package org.carnet.core.dhis2;

/**
 * How tracked entities are downloaded from a given DHIS2 version, as the official Android SDK does
 * ({@code ../docs/dhis2-api.md} §7.1). Each strategy only ever sends the parameter names its versions bind.
 */
public enum ApiStrategy {
    /** 2.36–2.39: {@code /api/trackedEntityInstances}, {@code ou} ({@code ;}) + {@code ouMode}, {@code lastUpdatedStartDate}. */
    OLD_TRACKED_ENTITY_INSTANCES,
    /** 2.40: {@code /api/tracker/trackedEntities}, {@code orgUnit} ({@code ;}) + {@code ouMode}, key {@code instances}. */
    NEW_INSTANCES,
    /** 2.41: {@code orgUnits} ({@code ,}) + {@code orgUnitMode}, key {@code trackedEntities}, {@code pager} and flat fields. */
    NEW_PAGER_AND_FLAT,
    /** 2.42+: as 2.41, {@code pager} only; paging follows {@code pager.nextPage}. */
    NEW_PAGER;

    /** Whether the end of the data is found by {@code pager.nextPage} rather than by a page count. */
    public boolean pagesByNextPage() {
        return this == NEW_PAGER;
    }
}
