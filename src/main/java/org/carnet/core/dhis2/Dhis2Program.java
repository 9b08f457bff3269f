package org.carnet.core.dhis2;

import java.util.List;

/** A Tracker program (WITH_REGISTRATION) and its tracked-entity attributes, in the program's order. */
public record Dhis2Program(String id, String name, String shortName, String code, String accessLevel,
        String trackedEntityType, List<Dhis2Attribute> attributes) {
    public Dhis2Program {
        attributes = List.copyOf(attributes);
    }
}
