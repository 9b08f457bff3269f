package org.carnet.core.dhis2;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DHIS2 timestamps: {@code yyyy-MM-dd'T'HH:mm:ss.SSS} without zone in the server's time zone; {@code /query} grids use
 * a space instead of {@code T}; CSV exports end in {@code Z}. Parsing accepts all of them.
 */
public final class Dhis2Time {
    /** The zone-less form DHIS2 accepts in {@code updatedAfter} / {@code lastUpdatedStartDate}. */
    public static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private static final Pattern FORMAT = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?(Z|[+-]\\d{2}:?\\d{2})?$");

    private Dhis2Time() {
    }

    /**
     * Parses a DHIS2 timestamp into server-local time. A zoned value (CSV exports) is converted to {@code serverZone}.
     */
    public static Optional<LocalDateTime> parse(String text, ZoneId serverZone) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder iso = new StringBuilder(m.group(1)).append('T').append(m.group(2) == null ? "00:00" : m.group(2))
                .append(':').append(m.group(3) == null ? "00" : m.group(3));
        if (m.group(4) != null) {
            iso.append('.').append(m.group(4));
        }
        try {
            if (m.group(5) == null) {
                return Optional.of(LocalDateTime.parse(iso));
            }
            String zone = m.group(5).equals("Z") ? "Z"
                    : m.group(5).length() == 5 ? m.group(5).substring(0, 3) + ":" + m.group(5).substring(3) : m.group(5);
            OffsetDateTime odt = OffsetDateTime.parse(iso + zone);
            return Optional.of(odt.atZoneSameInstant(serverZone == null ? ZoneId.of("UTC") : serverZone)
                    .toLocalDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDateTime> parse(String text) {
        return parse(text, null);
    }

    public static String format(LocalDateTime t) {
        return WIRE.format(t);
    }
}
