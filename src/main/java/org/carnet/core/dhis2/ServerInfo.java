package org.carnet.core.dhis2;

import java.time.LocalDateTime;

/**
 * The parts of {@code /api/system/info} Carnet uses. {@code serverDate} is server-local time without zone (interpret it
 * with {@code timeZoneId}); it is the sync cursor, never the laptop clock.
 */
public record ServerInfo(Dhis2Version version, String revision, LocalDateTime serverDate, String serverDateText,
        String timeZoneId, String systemName, String calendar) {

    /** Whether dates are shown to DHIS2 users in a non-ISO calendar (Ethiopian, Nepali…); API values stay ISO. */
    public boolean nonIsoCalendar() {
        return calendar != null && !calendar.isBlank() && !"iso8601".equalsIgnoreCase(calendar);
    }
}
