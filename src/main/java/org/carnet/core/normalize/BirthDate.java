package org.carnet.core.normalize;

/**
 * A date of birth as far as it is known. {@code month} and {@code day} are 0 when unknown. Personal data:
 * {@link #toString()} prints no value.
 *
 * @param precision how much of the date can be trusted
 */
public record BirthDate(int year, int month, int day, Precision precision) {
    /** How much of a date of birth can be trusted. */
    public enum Precision {
        /** Day, month and year as written. */
        FULL,
        /** Year and month only. */
        YEAR_MONTH,
        /** Year only. */
        YEAR_ONLY,
        /** A default day and month (1 January, 1 July, 31 December) that usually means "year only". */
        DEFAULTED,
        /** Computed from an age: the year is approximate, day and month say nothing. */
        AGE_DERIVED;

        /** True when only the year says something about the person. */
        public boolean yearOnly() {
            return this != FULL && this != YEAR_MONTH;
        }
    }

    /** The date as {@code yyyyMMdd} digits (unknown parts as 00), for keying-error comparisons. */
    public String digits() {
        return String.format("%04d%02d%02d", year, month, day);
    }

    /** ISO form with only the known parts: {@code 1990-03-07}, {@code 1990-03} or {@code 1990}. */
    public String iso() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        if (day == 0) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    /** The same date marked as derived from an age (DHIS2 "age" entry). */
    public BirthDate ageDerived() {
        return new BirthDate(year, month, day, Precision.AGE_DERIVED);
    }

    @Override
    public String toString() {
        return "BirthDate<redacted," + precision + ">";
    }
}
