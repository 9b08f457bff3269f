package org.carnet.core.mapping;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields a card, a message and the MPI read, whatever the DHIS2 program calls its attributes. Their keys are what
 * mapping files and {@code carnet mapping set} use; a custom field is any other key of lower-case letters, digits and
 * underscores (see {@link #isCustomKey}).
 */
public enum CardField {
    FIRST_NAME("first_name", Kind.NAME, true),
    LAST_NAME("last_name", Kind.NAME, true),
    DATE_OF_BIRTH("date_of_birth", Kind.DATE, false),
    GENDER("gender", Kind.SEX, false),
    BENEFICIARY_ID("beneficiary_id", Kind.TEXT, false),
    PHONE_NUMBER("phone_number", Kind.PHONE, false),
    HEALTH_CENTER("health_center", Kind.ORG_UNIT, false),
    ORG_UNIT("org_unit", Kind.ORG_UNIT, false),
    ENROLLMENT_DATE("enrollment_date", Kind.DATE, false),
    ZONE("zone", Kind.ZONE, false);

    /** How a field's values are transformed. */
    public enum Kind { NAME, DATE, SEX, PHONE, ORG_UNIT, ZONE, TEXT }

    private final String key;
    private final Kind kind;
    private final boolean required;

    CardField(String key, Kind kind, boolean required) {
        this.key = key;
        this.kind = kind;
        this.required = required;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** First and last name: a mapping without them cannot identify anybody. */
    public boolean required() {
        return required;
    }

    /** Whether the field holds a date (its attribute must be a DHIS2 date type). */
    public boolean isDate() {
        return kind == Kind.DATE;
    }

    public static Optional<CardField> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (CardField f : values()) {
            if (f.key.equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A custom field key: 1 to 40 lower-case letters, digits or underscores, starting with a letter. */
    public static boolean isCustomKey(String key) {
        return key != null && key.matches("[a-z][a-z0-9_]{0,39}") && byKey(key).isEmpty();
    }

    /** The kind of the field named {@code key}: a custom field is plain text. */
    public static Kind kindOf(String key) {
        return byKey(key).map(CardField::kind).orElse(Kind.TEXT);
    }
}
