package org.carnet.core.guard;

import java.util.List;

/**
 * The metadata of one DHIS2 tracked-entity attribute or data element, as the guard sees it. Every text may be null or
 * empty; {@code options} holds the names of the attached option set (the classifier reads the first 40).
 *
 * @param lang the locale of the texts ({@code en}, {@code fr}, {@code pt}); null or anything else means unknown, and
 *             then the terms of every language apply
 */
public record AttributeDescription(String name, String shortName, String code, String description, String valueType,
                                   List<String> options, String lang) {
    public AttributeDescription {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
