package org.carnet.core.mapping;

import java.util.Objects;

/**
 * Where one card field takes its value: a tracked-entity attribute found by its code (the default: codes survive
 * renaming and translation) or by its display name, or a property of the enrollment itself.
 *
 * @param field the card field's key ({@link CardField#key()} or a custom key)
 * @param by    how {@code source} is read
 * @param source the attribute code, the attribute display name, or an {@link EnrollmentProperty} name
 */
public record FieldMapping(String field, By by, String source) {
    /** How the source of a field is found. */
    public enum By { CODE, NAME, ENROLLMENT }

    /** What an enrollment itself offers, besides its attributes. */
    public enum EnrollmentProperty {
        ENROLLED_AT("enrolledAt"), OCCURRED_AT("occurredAt"), ORG_UNIT("orgUnit");

        private final String key;

        EnrollmentProperty(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static java.util.Optional<EnrollmentProperty> byKey(String key) {
            for (EnrollmentProperty p : values()) {
                if (p.key.equals(key)) {
                    return java.util.Optional.of(p);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public FieldMapping {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(source, "source");
    }

    public static FieldMapping byCode(String field, String code) {
        return new FieldMapping(field, By.CODE, code);
    }

    public static FieldMapping byName(String field, String name) {
        return new FieldMapping(field, By.NAME, name);
    }

    public static FieldMapping enrollment(String field, EnrollmentProperty p) {
        return new FieldMapping(field, By.ENROLLMENT, p.key());
    }
}
