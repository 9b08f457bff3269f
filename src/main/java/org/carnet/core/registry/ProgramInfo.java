package org.carnet.core.registry;

import java.util.List;

/**
 * A DHIS2 Tracker program and its tracked-entity attributes, cached (encrypted) for offline mapping and design.
 * {@code code} may be null: DHIS2 codes are optional.
 */
public record ProgramInfo(String uid, String name, String code, List<Attribute> attributes) {
    public ProgramInfo {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public ProgramInfo(String uid, String name, List<Attribute> attributes) {
        this(uid, name, null, attributes);
    }

    /**
     * One tracked-entity attribute of a program. {@code options} are the option set's codes and display names (DHIS2
     * stores the code).
     */
    public record Attribute(String uid, String code, String displayName, String valueType, String optionSetUid,
            List<Option> options, boolean confidential, boolean mandatory) {
        public Attribute {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Attribute(String uid, String code, String displayName, String valueType) {
            this(uid, code, displayName, valueType, null, List.of(), false, false);
        }
    }

    /** An option of an option set. */
    public record Option(String code, String displayName) {
    }
}
