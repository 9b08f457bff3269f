package org.carnet.core.mpi;

import org.carnet.core.normalize.BirthDate;
import org.carnet.core.normalize.Sex;

/** Computes the comparison vector of two records (see {@link Field} for the levels). Stateless. */
final class Comparator {
    private Comparator() {
    }

    /** Fills {@code out} (length 5, indexed by {@link Field#ordinal()}); returns true when names were swapped. */
    static boolean compare(MatchRecord a, MatchRecord b, int[] out) {
        boolean swapped = false;
        if (a.first != null && a.last != null && b.first != null && b.last != null
                && !a.first.joined().equals(b.first.joined()) && !a.last.joined().equals(b.last.joined())) {
            double straight = JaroWinkler.similarity(a.first.joined(), b.first.joined())
                    + JaroWinkler.similarity(a.last.joined(), b.last.joined());
            double crossed = JaroWinkler.similarity(a.first.joined(), b.last.joined())
                    + JaroWinkler.similarity(a.last.joined(), b.first.joined());
            swapped = crossed > straight + 0.2;
        }
        if (swapped) {
            out[Field.LAST_NAME.ordinal()] = nameLevel(a.last.joined(), a.lastCodes, b.first.joined(), b.firstCodes);
            out[Field.FIRST_NAME.ordinal()] = firstSwapped(a, b);
        } else {
            out[Field.LAST_NAME.ordinal()] = a.last == null || b.last == null ? Field.MISSING
                    : nameLevel(a.last.joined(), a.lastCodes, b.last.joined(), b.lastCodes);
            out[Field.FIRST_NAME.ordinal()] = firstLevel(a, b);
        }
        out[Field.BIRTH_DATE.ordinal()] = dateLevel(a.dob, b.dob);
        out[Field.SEX.ordinal()] = a.sex == Sex.U || b.sex == Sex.U ? Field.MISSING : a.sex == b.sex ? 0 : 1;
        out[Field.COMMUNE.ordinal()] = communeLevel(a, b);
        return swapped;
    }

    /**
     * Commune: same / similar spelling (JW ≥ 0.88: a typo in a typed commune name) / same district / different.
     */
    static int communeLevel(MatchRecord a, MatchRecord b) {
        if (a.commune == null || b.commune == null) {
            return Field.MISSING;
        }
        if (a.commune.equals(b.commune)) {
            return 0;
        }
        if (a.commune.length() >= 4 && b.commune.length() >= 4
                && JaroWinkler.similarity(a.commune, b.commune) >= 0.88) {
            return 1;
        }
        return a.district != null && a.district.equals(b.district) ? 2 : 3;
    }

    /** Last name: exact / variant / JW ≥ 0.92 / JW ≥ 0.85 (both ≥ 4 letters) / different. */
    static int nameLevel(String a, String[] ca, String b, String[] cb) {
        if (a.equals(b)) {
            return 0;
        }
        if (MatchRecord.share(ca, cb)) {
            return 1;
        }
        return jwLevel(a, b, 2);
    }

    private static int jwLevel(String a, String b, int base) {
        double jw = JaroWinkler.similarity(a, b);
        if (jw >= 0.92 && Math.min(a.length(), b.length()) >= 3) {
            return base;
        }
        if (jw >= 0.85 && a.length() >= 4 && b.length() >= 4) {
            return base + 1;
        }
        return base + 2;
    }

    /** First name: exact / one token exact or variant / variant / JW ≥ 0.92 / JW ≥ 0.85 / initial / different. */
    static int firstLevel(MatchRecord a, MatchRecord b) {
        if (a.first == null || b.first == null) {
            return Field.MISSING;
        }
        String x = a.first.joined();
        String y = b.first.joined();
        if (x.equals(y)) {
            return 0;
        }
        if (a.firstTokens.length > 1 || b.firstTokens.length > 1) {
            for (int i = 0; i < a.firstTokens.length; i++) {
                for (int j = 0; j < b.firstTokens.length; j++) {
                    if (a.firstTokens[i].equals(b.firstTokens[j])
                            || MatchRecord.share(a.firstTokenCodes[i], b.firstTokenCodes[j])) {
                        return 1;
                    }
                }
            }
        }
        if (MatchRecord.share(a.firstCodes, b.firstCodes)) {
            return 2;
        }
        int jw = jwLevel(x, y, 3);
        if (jw == 5 && (x.length() == 1 || y.length() == 1) && x.charAt(0) == y.charAt(0)) {
            return 5; // an initial: J. against James
        }
        return jw == 5 ? 6 : jw;
    }

    private static int firstSwapped(MatchRecord a, MatchRecord b) {
        String x = a.first.joined();
        String y = b.last.joined();
        if (x.equals(y)) {
            return 0;
        }
        if (MatchRecord.share(a.firstCodes, b.lastCodes)) {
            return 2;
        }
        int jw = jwLevel(x, y, 3);
        return jw == 5 ? 6 : jw;
    }

    /**
     * Date of birth: exact (both full) / day and month transposed / one keying error / same year and same month or
     * day / same year where either side is only a year (or defaulted, or from an age) / ±1 year with an age-derived
     * side / ±2 years / 3 to 10 years apart / further apart.
     */
    static int dateLevel(BirthDate a, BirthDate b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        int diff = Math.abs(a.year() - b.year());
        if (a.precision() == BirthDate.Precision.FULL && b.precision() == BirthDate.Precision.FULL) {
            if (diff == 0 && a.month() == b.month() && a.day() == b.day()) {
                return 0;
            }
            if (diff == 0 && a.month() == b.day() && a.day() == b.month()) {
                return 1;
            }
            if (JaroWinkler.osa(a.digits(), b.digits(), 1) <= 1) {
                return 2;
            }
            if (diff == 0 && (a.month() == b.month() || a.day() == b.day())) {
                return 3;
            }
            return diff <= 2 ? 6 : diff <= 10 ? 7 : 8;
        }
        boolean yearOnly = a.precision().yearOnly() || b.precision().yearOnly();
        if (diff == 0) {
            // a year-and-month side against a full or year-and-month side
            return !yearOnly && a.month() == b.month() ? 3 : 4;
        }
        boolean age = a.precision() == BirthDate.Precision.AGE_DERIVED
                || b.precision() == BirthDate.Precision.AGE_DERIVED;
        if (diff <= 1 && age) {
            return 5;
        }
        return diff <= 2 ? 6 : diff <= 10 ? 7 : 8;
    }
}
