package org.carnet.core.mpi;

import java.util.List;

/**
 * The compared fields and their levels, best first; a pair's comparison vector holds one level per field, or
 * {@link #MISSING} when either side lacks the field (it then weighs nothing). Sensitive attributes are never fields.
 */
public enum Field {
    LAST_NAME(List.of("exact", "variant", "jw92", "jw85", "different")),
    FIRST_NAME(List.of("exact", "token", "variant", "jw92", "jw85", "initial", "different")),
    BIRTH_DATE(List.of("exact", "transposed", "typo", "year_and_month_or_day", "same_year_approximate",
            "year_pm1_age", "year_pm2", "different", "far_apart")),
    SEX(List.of("same", "different")),
    COMMUNE(List.of("same", "similar", "same_district", "different"));

    /** The level of a field either side lacks. */
    public static final int MISSING = -1;

    private final List<String> levels;

    Field(List<String> levels) {
        this.levels = levels;
    }

    /** Level names, best first. */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** Levels that carry a term-frequency adjustment (the value agrees exactly or by its key). */
    boolean tfLevel(int level) {
        return switch (this) {
            case LAST_NAME -> level <= 1;
            case FIRST_NAME -> level == 0 || level == 2;
            case COMMUNE -> level == 0;
            default -> false;
        };
    }

    static final Field[] ALL = values();
}
