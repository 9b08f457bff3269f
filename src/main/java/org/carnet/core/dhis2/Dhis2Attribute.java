package org.carnet.core.dhis2;

import java.util.List;

/**
 * A tracked-entity attribute as a program uses it. {@code code} may be null (it is optional in DHIS2); {@code options}
 * holds the option set's codes and display names when the attribute uses one (the API returns option codes).
 */
public record Dhis2Attribute(String id, String code, String displayName, String shortName, String valueType,
        String optionSetId, List<Option> options, boolean confidential, boolean unique, boolean mandatory,
        boolean displayInList) {
    public Dhis2Attribute {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** One option of an option set: the stored code and its display name. */
    public record Option(String code, String displayName) {
    }
}
