package org.carnet.core.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** DHIS2's zone-less server-local timestamps ({@code yyyy-MM-dd'T'HH:mm:ss.SSS}) and date filter parsing. */
final class Timestamps {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ZONED = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

    /** How much of a date-filter value a DHIS2 release keeps when it builds its SQL. */
    enum Precision {
        /** The time is dropped: the filter starts at midnight of that day. */
        DAY,
        /** Milliseconds are dropped. */
        SECOND,
        /** Kept as sent. */
        MILLISECOND;

        LocalDateTime apply(LocalDateTime t) {
            return switch (this) {
                case DAY -> t.truncatedTo(ChronoUnit.DAYS);
                case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
                case MILLISECOND -> t.truncatedTo(ChronoUnit.MILLIS);
            };
        }
    }

    private Timestamps() {
    }

    static String format(long epochMillis, ZoneId zone) {
        return FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    }

    static LocalDateTime local(long epochMillis, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }

    static long epochMillis(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone).toInstant().toEpochMilli();
    }

    /**
     * Parses what DHIS2 accepts for its date filters: {@code yyyy-MM-dd}, {@code yyyy-MM-dd'T'HH:mm[:ss[.SSS]]},
     * optionally with {@code Z} or an offset (converted to the server zone).
     *
     * @return the server-local time, or null when the text is not a date
     */
    static LocalDateTime parseFilter(String text, ZoneId zone) {
        String t = text.strip().replace(' ', 'T');
        try {
            if (DATE_ONLY.matcher(t).matches()) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (ZONED.matcher(t).matches()) {
                String iso = t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? t
                        : t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
                return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime();
            }
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
