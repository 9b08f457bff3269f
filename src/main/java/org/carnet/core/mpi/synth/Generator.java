package org.carnet.core.mpi.synth;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes people and their records from (seed, person id, record copy) alone, with no state, so that any record can
 * be made again in any order.
 */
final class Generator {
    /** The day ages are counted from, fixed so that a seed gives the same dates on any day. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    /** How many people later a duplicate may come at most. */
    static final int MAX_DELAY = 20_000;

    private static final long PERSON = 0x5045_5253_4F4EL;
    private static final long RECORD = 0x5245_434FL;
    private static final long DELAY = 0x4445_4C41L;

    private static final double FEMALE_SHARE = 0.51;
    private static final double CHILD_SHARE = 0.35;
    /** An approximate date of birth is written as the year alone this often, else as a defaulted date. */
    private static final double YEAR_ONLY_SHARE = 0.5;
    /** An approximate year is one off (derived from an age) this often. */
    private static final double AGE_SHIFT_SHARE = 0.15;
    private static final double LAST_NAME_CAPITALS = 0.20;
    private static final double BOTH_NAMES_CAPITALS = 0.10;
    private static final double NO_ACCENTS = 0.30;
    private static final Weights DATE_FORMATS = new Weights(0.50, 0.35, 0.15);
    private static final String[][] SEX_CODES = {
        {"M", "F"}, {"H", "F"}, {"Masculin", "Féminin"}, {"male", "female"}, {"MALE", "FEMALE"}};
    private static final Weights SEX_FORMS = new Weights(0.40, 0.10, 0.20, 0.15, 0.15);

    /** A person as they are, before any registration writes them down. */
    record Person(int id, boolean female, String givenPrefix, String givenName, String lastName,
            LocalDate birthDate, boolean approximateDob, int commune, int extraRecords) {

        /** The full given name: "Ndeye Fatou", or "Fatou" without a prefix. */
        String firstName() {
            return givenPrefix == null ? givenName : givenPrefix + " " + givenName;
        }

        @Override
        public String toString() {
            return "Person[" + id + "]";
        }
    }

    private final SyntheticPopulation.Config config;

    Generator(SyntheticPopulation.Config config) {
        this.config = config;
    }

    int persons() {
        return config.persons();
    }

    Person person(int id) {
        SplittableRandom r = random(PERSON, id, 0);
        boolean female = r.nextDouble() < FEMALE_SHARE;
        String lastName = Names.surname(r);
        String given = Names.given(female, r);
        String prefix = Names.prefix(female, given, r);
        int age = r.nextDouble() < CHILD_SHARE ? r.nextInt(15) : 15 + (int) (Math.pow(r.nextDouble(), 1.4) * 66);
        LocalDate birth = REFERENCE_DATE.minusYears(age).minusDays(1 + r.nextInt(365));
        boolean approximate = r.nextDouble() < config.approximateDobRate();
        int commune = Geography.draw(r);
        int extra = 0;
        if (r.nextDouble() < config.duplicateRate()) {
            double u = r.nextDouble();
            extra = 1 + (int) (config.maxExtraRecords() * u * u);
        }
        return new Person(id, female, prefix, given, lastName, birth, approximate, commune, extra);
    }

    /** How many people after {@code person} its record {@code copy} comes: 1 to 20,000, short delays likelier. */
    int delay(int person, int copy) {
        double u = random(DELAY, person, copy).nextDouble();
        return 1 + (int) (Math.min(MAX_DELAY, Math.max(1, config.persons())) * u * u);
    }

    /** Registration number {@code copy} (0 for the first) of {@code p}, numbered {@code number} in the output. */
    SyntheticRecord record(Person p, int copy, long number) {
        SplittableRandom r = random(RECORD, p.id(), copy);
        String first = firstName(p, r);
        String last = r.nextDouble() < config.spellingVariantRate() ? Names.variant(p.lastName(), r) : p.lastName();
        if (r.nextDouble() < config.typoRate()) {
            first = Names.typo(first, r);
        }
        if (r.nextDouble() < config.typoRate()) {
            last = Names.typo(last, r);
        }
        double capitals = r.nextDouble();
        if (capitals < BOTH_NAMES_CAPITALS) {
            first = first.toUpperCase(Locale.ROOT);
        }
        if (capitals < LAST_NAME_CAPITALS + BOTH_NAMES_CAPITALS) {
            last = last.toUpperCase(Locale.ROOT);
        }
        if (r.nextDouble() < config.nameSwapRate()) {
            String t = first;
            first = last;
            last = t;
        }
        String dob = dateOfBirth(p, r);
        String[] codes = SEX_CODES[SEX_FORMS.draw(r)];
        String sex = p.female() ? codes[1] : codes[0];
        int commune = r.nextDouble() < config.communeMoveRate() ? Geography.moved(p.commune(), r) : p.commune();
        String communeName = Geography.commune(commune);
        String district = Geography.district(commune);
        if (r.nextDouble() < NO_ACCENTS) {
            first = Names.stripAccents(first);
            last = Names.stripAccents(last);
            sex = Names.stripAccents(sex);
            communeName = Names.stripAccents(communeName);
            district = Names.stripAccents(district);
        }
        double missing = config.missingFieldRate();
        first = r.nextDouble() < missing ? "" : first;
        last = r.nextDouble() < missing ? "" : last;
        dob = r.nextDouble() < missing ? "" : dob;
        sex = r.nextDouble() < missing ? "" : sex;
        if (r.nextDouble() < missing) {
            communeName = "";
            district = "";
        }
        return new SyntheticRecord("rec-" + (number + 1), p.id(), first, last, dob, sex, communeName, district);
    }

    /** The given name as written: a compound one may lose its prefix, take a hyphen or change one part. */
    private String firstName(Person p, SplittableRandom r) {
        if (r.nextDouble() >= config.spellingVariantRate()) {
            return p.firstName();
        }
        if (p.givenPrefix() == null) {
            return Names.variant(p.givenName(), r);
        }
        double u = r.nextDouble();
        if (u < 0.45) {
            return p.givenName();
        } else if (u < 0.70) {
            return p.givenPrefix() + "-" + p.givenName();
        } else if (u < 0.85) {
            return Names.variant(p.givenPrefix(), r) + " " + p.givenName();
        }
        return p.givenPrefix() + " " + Names.variant(p.givenName(), r);
    }

    private String dateOfBirth(Person p, SplittableRandom r) {
        int format = DATE_FORMATS.draw(r);
        int year = p.birthDate().getYear();
        int month = p.birthDate().getMonthValue();
        int day = p.birthDate().getDayOfMonth();
        if (p.approximateDob()) {
            if (r.nextDouble() < AGE_SHIFT_SHARE) {
                year += r.nextBoolean() ? 1 : -1;
            }
            double u = r.nextDouble();
            if (u < YEAR_ONLY_SHARE) {
                return Integer.toString(year);
            }
            // Defaulted: 1 January most often, else 31 December or 1 July.
            double v = r.nextDouble();
            month = v < 0.6 ? 1 : v < 0.8 ? 12 : 7;
            day = month == 12 ? 31 : 1;
            return format(year, month, day, format);
        }
        if (r.nextDouble() < config.dayMonthSwapRate()) {
            int t = day;
            day = month;
            month = t;
        } else if (r.nextDouble() < config.typoRate()) {
            return format(keyingError(p.birthDate(), r), format);
        }
        return format(year, month, day, format);
    }

    /** The date with one digit of yyyyMMdd mistyped, when that still gives a valid past date (else unchanged). */
    private static LocalDate keyingError(LocalDate date, SplittableRandom r) {
        for (int attempt = 0; attempt < 10; attempt++) {
            char[] digits = compact(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).toCharArray();
            int at = 2 + r.nextInt(6);
            char typed = (char) ('0' + r.nextInt(10));
            if (typed == digits[at]) {
                continue;
            }
            digits[at] = typed;
            int y = Integer.parseInt(new String(digits, 0, 4));
            int m = Integer.parseInt(new String(digits, 4, 2));
            int d = Integer.parseInt(new String(digits, 6, 2));
            if (m >= 1 && m <= 12 && d >= 1 && d <= YearMonth.of(y, m).lengthOfMonth()
                    && !LocalDate.of(y, m, d).isAfter(REFERENCE_DATE)) {
                return LocalDate.of(y, m, d);
            }
        }
        return date;
    }

    private static String format(LocalDate date, int format) {
        return format(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), format);
    }

    /** 0: yyyy-MM-dd (DHIS2), 1: dd/MM/yyyy (French forms), 2: yyyyMMdd. Month may be over 12 after a swap. */
    private static String format(int year, int month, int day, int format) {
        return switch (format) {
            case 0 -> year + "-" + two(month) + "-" + two(day);
            case 1 -> two(day) + "/" + two(month) + "/" + year;
            default -> compact(year, month, day);
        };
    }

    private static String compact(int year, int month, int day) {
        return year + two(month) + two(day);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private SplittableRandom random(long purpose, long id, long copy) {
        return new SplittableRandom(mix(mix(mix(config.seed() ^ purpose) + id) + copy));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole 64-bit range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
