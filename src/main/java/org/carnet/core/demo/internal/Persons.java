package org.carnet.core.demo.internal;

import java.time.LocalDate;
import org.carnet.core.demo.internal.WestAfricanNames.Group;

/** The real people behind the tracked entities, each derived from (seed, person id) on demand; nothing stored. */
final class Persons {
    /** How precisely a person's date of birth is known, which decides how DHIS2 stores it. */
    enum DobPrecision {
        /** Day, month and year known. */
        FULL,
        /** Only the year: stored as 1 January. */
        YEAR,
        /** Month and year: stored as the 1st of the month. */
        MONTH,
        /** Only an age: no date of birth, an AGE attribute estimated from the registration date. */
        AGE
    }

    record Person(int id, Group group, boolean female, int age, LocalDate birthDate, DobPrecision precision,
                  String firstName, String lastName, String phone, String motherFirstName, String motherLastName,
                  String quarter) {
        boolean child() {
            return age < 15;
        }

        boolean womanOfChildbearingAge() {
            return female && age >= 15 && age <= 49;
        }
    }

    private static final long PURPOSE = 0x5045_5253L;
    private static final String[] MOBILE_PREFIXES = {"77", "77", "77", "78", "78", "76", "70", "75"};

    private final long seed;
    private final LocalDate today;

    Persons(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    Person get(int id) {
        Hashing.Draws d = new Hashing.Draws(seed, id, PURPOSE);
        Group group = pickGroup(d.unit());
        boolean female = d.chance(0.52);
        boolean child = d.chance(0.35);
        int age = child ? d.below(15) : 15 + (int) Math.floor(Math.pow(d.unit(), 1.4) * 61);
        LocalDate birth = today.minusYears(age).minusDays(1 + d.below(364));
        double p = d.unit();
        DobPrecision precision = p < 0.62 ? DobPrecision.FULL : p < 0.80 ? DobPrecision.YEAR
                : p < 0.88 ? DobPrecision.MONTH : DobPrecision.AGE;
        String first = d.pick(WestAfricanNames.given(group, female));
        String last = d.pick(WestAfricanNames.FAMILY.get(group));
        String phone = d.chance(child ? 0.75 : 0.88) ? mobile(d) : null;
        String motherFirst = d.pick(WestAfricanNames.given(group, true));
        String motherLast = d.pick(WestAfricanNames.FAMILY.get(pickGroup(d.unit())));
        String quarter = d.pick(WestAfricanNames.QUARTERS);
        return new Person(id, group, female, age, birth, precision, first, last, phone, motherFirst, motherLast,
                quarter);
    }

    /** A Senegalese mobile number as 9 digits, e.g. 771234567. */
    static String mobile(Hashing.Draws d) {
        return d.pick(MOBILE_PREFIXES) + String.format(java.util.Locale.ROOT, "%07d", d.below(10_000_000));
    }

    private static Group pickGroup(double u) {
        double acc = 0;
        Group[] groups = Group.values();
        for (int i = 0; i < groups.length; i++) {
            acc += WestAfricanNames.GROUP_WEIGHTS[i];
            if (u < acc) {
                return groups[i];
            }
        }
        return groups[groups.length - 1];
    }
}
