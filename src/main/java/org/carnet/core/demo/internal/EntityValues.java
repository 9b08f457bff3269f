package org.carnet.core.demo.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.internal.Metadata.Attr;
import org.carnet.core.demo.internal.Persons.DobPrecision;
import org.carnet.core.demo.internal.Persons.Person;

/**
 * The attribute values of one tracked entity, as a health worker typed them: the person's identity rendered with
 * the variants of this registration (spelling variants and typos on duplicates, capitals, partial dates of birth,
 * phone formats), plus the program attributes of the programs it is enrolled in. Derived from (seed, index,
 * revision); an update ({@code revision > 0}) changes the phone number and address.
 */
final class EntityValues {
    private static final long PURPOSE_RENDER = 0x5245_4E44L;
    private static final long PURPOSE_REVISION = 0x5245_5649L;

    private EntityValues() {
    }

    /** Values by attribute; attributes without a value are absent (DHIS2 stores no empty values). */
    static Map<Attr, String> of(Population pop, int i) {
        Map<Attr, String> v = new EnumMap<>(Attr.class);
        Person p = pop.person(i);
        Hashing.Draws d = new Hashing.Draws(pop.seed(), i, PURPOSE_RENDER);
        identity(pop, i, p, d, v);
        if (pop.inProgram(i, DemoProgramKind.VACCINATION)) {
            vaccination(pop, i, p, d, v);
        }
        if (pop.inProgram(i, DemoProgramKind.ANTENATAL_CARE)) {
            antenatal(pop, i, d, v);
        }
        if (pop.inProgram(i, DemoProgramKind.HIV_CARE)) {
            hiv(pop, i, p, d, v);
        }
        return v;
    }

    private static void identity(Population pop, int i, Person p, Hashing.Draws d, Map<Attr, String> v) {
        String first = p.firstName();
        String last = p.lastName();
        boolean duplicate = pop.duplicate(i);
        if (duplicate) {
            if (d.chance(0.5)) {
                first = WestAfricanNames.variant(first, d);
            }
            if (d.chance(0.4)) {
                last = WestAfricanNames.variant(last, d);
            }
            if (d.chance(0.15)) {
                if (d.chance(0.5)) {
                    first = WestAfricanNames.typo(first, d);
                } else {
                    last = WestAfricanNames.typo(last, d);
                }
            }
            if (d.chance(0.05)) {
                String swap = first;
                first = last;
                last = swap;
            }
        } else if (d.chance(0.02)) {
            first = WestAfricanNames.typo(first, d);
        }
        if (d.chance(0.2)) {
            last = WestAfricanNames.upper(last);
        }
        if (d.chance(0.03)) {
            first = first + " ";
        }
        v.put(Attr.FIRST_NAME, first);
        v.put(Attr.LAST_NAME, last);
        if (!d.chance(0.015)) {
            v.put(Attr.SEX, p.female() ? "F" : "M");
        }
        dateOfBirth(pop, i, p, duplicate, d, v);
        String phone = pop.revision(i) > 0
                ? Persons.mobile(new Hashing.Draws(pop.seed(), i, PURPOSE_REVISION + pop.revision(i)))
                : p.phone();
        if (phone != null && !(duplicate && d.chance(0.3))) {
            v.put(Attr.PHONE, formatPhone(phone, d));
        }
        String quarter = pop.revision(i) > 0
                ? new Hashing.Draws(pop.seed(), i, PURPOSE_REVISION - pop.revision(i)).pick(WestAfricanNames.QUARTERS)
                : p.quarter();
        OrgUnitTree.Unit commune = pop.tree().get(pop.registrationUnit(i));
        v.put(Attr.ADDRESS, address(quarter, commune.name(), d));
        if (!d.chance(0.05)) {
            v.put(Attr.COMMUNE, commune.uid());
        }
    }

    private static void dateOfBirth(Population pop, int i, Person p, boolean duplicate, Hashing.Draws d,
                                    Map<Attr, String> v) {
        DobPrecision precision = p.precision();
        LocalDate dob = p.birthDate();
        if (duplicate) {
            if (precision == DobPrecision.FULL && d.chance(0.3)) {
                precision = DobPrecision.YEAR;
            }
            if (d.chance(0.05) && dob.getDayOfMonth() <= 12) {
                dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
            }
            if (d.chance(0.08)) {
                dob = dob.plusYears(d.chance(0.5) ? 1 : -1);
            }
        }
        switch (precision) {
            case FULL -> v.put(Attr.DOB, dob.toString());
            case YEAR -> v.put(Attr.DOB, dob.withDayOfYear(1).toString());
            case MONTH -> v.put(Attr.DOB, dob.withDayOfMonth(1).toString());
            default -> {
                LocalDate registered = Timestamps.local(pop.createdAt(i), pop.zone()).toLocalDate();
                v.put(Attr.AGE, registered.withYear(registered.getYear() - p.age()).toString());
            }
        }
    }

    private static String formatPhone(String digits, Hashing.Draws d) {
        String a = digits.substring(0, 2);
        String b = digits.substring(2, 5);
        String c = digits.substring(5, 7);
        String e = digits.substring(7, 9);
        double r = d.unit();
        if (r < 0.30) {
            return "+221 " + a + " " + b + " " + c + " " + e;
        } else if (r < 0.45) {
            return "+221" + digits;
        } else if (r < 0.70) {
            return a + " " + b + " " + c + " " + e;
        } else if (r < 0.90) {
            return digits;
        } else if (r < 0.95) {
            return "00221" + digits;
        }
        return a + "-" + b + "-" + c + "-" + e;
    }

    private static String address(String quarter, String commune, Hashing.Draws d) {
        double r = d.unit();
        if (r < 0.4) {
            return "Quartier " + quarter + ", " + commune;
        } else if (r < 0.7) {
            return "Cité " + quarter + ", villa n° " + (1 + d.below(2500));
        } else if (r < 0.85) {
            return "Village de " + commune;
        }
        return (1 + d.below(120)) + " rue " + (1 + d.below(60)) + ", " + commune;
    }

    private static void vaccination(Population pop, int i, Person p, Hashing.Draws d, Map<Attr, String> v) {
        String region = pop.tree().regionOf(pop.tree().get(pop.registrationUnit(i))).code();
        int year = Timestamps.local(pop.createdAt(i), pop.zone()).getYear();
        v.put(Attr.VAC_CARD, String.format(Locale.ROOT, "RR-%s-%d-%06d", region, year, i % 1_000_000));
        if (p.child()) {
            v.put(Attr.MOTHER_NAME, p.motherFirstName() + " " + p.motherLastName());
        }
        double r = d.unit();
        v.put(Attr.VAC_STATUS, r < 0.55 ? "RR2" : r < 0.9 ? "RR1" : "ZERO_DOSE");
    }

    private static void antenatal(Population pop, int i, Hashing.Draws d, Map<Attr, String> v) {
        LocalDate registered = Timestamps.local(pop.createdAt(i), pop.zone()).toLocalDate();
        v.put(Attr.CPN_LMP, registered.minusDays(28 + d.below(200)).toString());
        int gravidity = 1 + d.below(7);
        v.put(Attr.CPN_GRAVIDITY, Integer.toString(gravidity));
        v.put(Attr.CPN_PARITY, Integer.toString(Math.max(0, gravidity - 1 - d.below(2))));
        if (d.chance(0.7)) {
            double r = d.unit();
            v.put(Attr.CPN_BLOOD_GROUP, r < 0.48 ? "O_POS" : r < 0.70 ? "A_POS" : r < 0.90 ? "B_POS"
                    : r < 0.94 ? "AB_POS" : r < 0.97 ? "O_NEG" : "A_NEG");
        }
    }

    private static void hiv(Population pop, int i, Person p, Hashing.Draws d, Map<Attr, String> v) {
        boolean campaign = pop.campaign(i);
        double r = d.unit();
        String status = campaign ? (r < 0.15 ? "POSITIF" : "NEGATIF")
                : r < 0.45 ? "POSITIF" : r < 0.95 ? "NEGATIF" : "INDETERMINE";
        v.put(Attr.HIV_STATUS, status);
        if (status.equals("POSITIF")) {
            String region = pop.tree().regionOf(pop.tree().get(pop.registrationUnit(i))).code();
            v.put(Attr.HIV_ART_NUMBER, String.format(Locale.ROOT, "TARV-%s-%06d", region, i));
            double g = d.unit();
            v.put(Attr.HIV_REGIMEN, g < 0.7 ? "TDF_3TC_DTG" : g < 0.85 ? "TDF_3TC_EFV" : g < 0.95 ? "ABC_3TC_DTG"
                    : "AZT_3TC_NVP");
            Hashing.Draws lab = new Hashing.Draws(pop.seed(), i, PURPOSE_REVISION * 3 + pop.revision(i));
            v.put(Attr.HIV_VIRAL_LOAD, Integer.toString(lab.chance(0.7) ? lab.below(50) : 50 + lab.below(200_000)));
            v.put(Attr.HIV_CD4, Integer.toString(50 + lab.below(1100)));
            if (d.chance(0.12)) {
                v.put(Attr.HIV_KEY_POPULATION, d.pick(new String[] {"TS", "HSH", "UDI"}));
            } else {
                v.put(Attr.HIV_KEY_POPULATION, "AUCUNE");
            }
            v.put(Attr.TB_SCREENING, d.chance(0.08) ? "SUSPECT" : d.chance(0.05) ? "SOUS_TRAITEMENT" : "NON_SUSPECT");
            v.put(Attr.PHQ9_SCORE, Integer.toString(d.below(28)));
        }
        if (p.womanOfChildbearingAge()) {
            v.put(Attr.HIV_PREGNANT, Boolean.toString(pop.inProgram(i, DemoProgramKind.ANTENATAL_CARE) || d.chance(0.1)));
        }
        v.put(Attr.STI_SYPHILIS, d.chance(0.04) ? "POS" : d.chance(0.8) ? "NEG" : "NON_FAIT");
        v.put(Attr.HEP_B_ANTIGEN, d.chance(0.09) ? "POS" : d.chance(0.8) ? "NEG" : "NON_FAIT");
        if (d.chance(0.6)) {
            v.put(Attr.FINGERPRINT_ID, String.format(Locale.ROOT, "%016x", d.next()));
        }
        if (d.chance(0.5)) {
            v.put(Attr.HOUSEHOLD_INCOME, Integer.toString(25_000 + 500 * d.below(550)));
        }
    }
}
