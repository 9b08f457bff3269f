package org.carnet.core.registry;

import java.util.List;

/** A DHIS2 Tracker program and its tracked-entity attributes, cached for offline work. */
public record ProgramInfo(String uid, String name, List<Attribute> attributes) {
    public ProgramInfo {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** One tracked-entity attribute of a program. */
    public record Attribute(String uid, String code, String displayName, String valueType) {
    }
}
