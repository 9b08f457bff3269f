package org.carnet.core.mapping;

/**
 * A problem with a mapping. {@code messageKey} is translated with {@code args} (field keys, attribute names and
 * codes: metadata only, never a person's value).
 *
 * @param blocking whether the mapping cannot be saved or used while the problem stands
 */
public record MappingIssue(Kind kind, String field, boolean blocking, String messageKey, Object... args) {
    /** What is wrong. */
    public enum Kind {
        /** The same card field is given two sources (only possible in an imported file). */
        FIELD_MAPPED_TWICE,
        /** One attribute feeds two card fields: allowed, but usually a slip. */
        ATTRIBUTE_USED_TWICE,
        /** A date field fed by an attribute that does not hold dates. */
        NOT_A_DATE,
        /** First or last name has no source. */
        REQUIRED_UNMAPPED,
        /** The attribute is guarded as sensitive: it may never reach a card. */
        SENSITIVE_ATTRIBUTE,
        /** No attribute of the program has this code or name (renamed or removed on the server). */
        UNKNOWN_ATTRIBUTE,
        /** A field key that is neither a card field nor a valid custom key. */
        BAD_FIELD
    }
}
