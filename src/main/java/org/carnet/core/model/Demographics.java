package org.carnet.core.model;

/**
 * What identifies a person in the registry and on the card. Personal data: {@link #toString()} prints no value.
 * Dates of birth are ISO {@code yyyy-MM-dd} (or {@code yyyy} / {@code yyyy-MM} when only that is known); sex is
 * M, F or U; phone is E.164 when it could be normalised; commune is where the person lives, as the source names it
 * (a DHIS2 org unit, or the text of a legacy list).
 */
public record Demographics(String firstName, String lastName, String dateOfBirth, String sex, String phone,
        String district, String region, String commune) {

    /** Demographics without a commune. */
    public Demographics(String firstName, String lastName, String dateOfBirth, String sex, String phone,
            String district, String region) {
        this(firstName, lastName, dateOfBirth, sex, phone, district, region, null);
    }

    @Override
    public String toString() {
        return "Demographics<redacted>";
    }
}
