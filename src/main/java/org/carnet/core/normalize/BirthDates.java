package org.carnet.core.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates of birth in the forms registers actually hold: ISO ({@code 1990-03-07}, with or without a time),
 * {@code 19900307}, {@code 07/03/1990} (day first, as in French; month first only when the day cannot be a month),
 * {@code 07-03-1990}, {@code 07.03.1990}, {@code 1990/03/07}, {@code 1990-03}, {@code 03/1990} and a year alone; a
 * month over 12 with a day that can be a month is read as transposed (1990-25-03 → 25 March). Default
 * days (1 January, 1 July, 31 December) are flagged {@link BirthDate.Precision#DEFAULTED}. Anything else, impossible
 * dates (19551192) and years outside 1880 … next year included, reads as unknown (null): never an exception.
 */
public final class BirthDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[-/.](\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private BirthDates() {
    }

    /** The date of birth, or null when the text is empty or not a possible date of birth. */
    public static BirthDate parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m;
        if ((m = ISO.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
            int month = num(m, 2);
            int day = num(m, 3);
            // 1990-25-03: day and month keyed in each other's place
            return month > 12 && day <= 12 ? full(num(m, 1), day, month) : full(num(m, 1), month, day);
        }
        if ((m = DAY_FIRST.matcher(s)).matches()) {
            int a = num(m, 1);
            int b = num(m, 2);
            int y = num(m, 3);
            return b > 12 && a <= 12 ? full(y, a, b) : full(y, b, a);
        }
        if ((m = YEAR_MONTH.matcher(s)).matches()) {
            return partial(num(m, 1), num(m, 2));
        }
        if ((m = MONTH_YEAR.matcher(s)).matches()) {
            return partial(num(m, 2), num(m, 1));
        }
        if ((m = YEAR.matcher(s)).matches()) {
            int y = num(m, 1);
            return plausibleYear(y) ? new BirthDate(y, 0, 0, BirthDate.Precision.YEAR_ONLY) : null;
        }
        return null;
    }

    private static BirthDate full(int y, int month, int day) {
        if (!plausibleYear(y)) {
            return null;
        }
        try {
            LocalDate.of(y, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        boolean defaulted = (month == 1 && day == 1) || (month == 7 && day == 1) || (month == 12 && day == 31);
        return new BirthDate(y, month, day, defaulted ? BirthDate.Precision.DEFAULTED : BirthDate.Precision.FULL);
    }

    private static BirthDate partial(int y, int month) {
        if (!plausibleYear(y) || month < 1 || month > 12) {
            return null;
        }
        return new BirthDate(y, month, 0, BirthDate.Precision.YEAR_MONTH);
    }

    private static boolean plausibleYear(int y) {
        return y >= 1880 && y <= Year.now().getValue() + 1;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
