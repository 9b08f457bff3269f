package org.carnet.core.model;

/**
 * What identifies a person in the registry and on the card. Personal data: {@link #toString()} prints no value.
 * Dates of birth are ISO {@code yyyy-MM-dd} (or {@code yyyy} / {@code yyyy-MM} when only that is known); sex is
 * M, F or U; phone is E.164 when it could be normalised.
 */
public record Demographics(String firstName, String lastName, String dateOfBirth, String sex, String phone,
        String district, String region) {

    @Override
    public String toString() {
        return "Demographics<redacted>";
    }
}
