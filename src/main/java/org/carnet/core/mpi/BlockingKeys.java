package org.carnet.core.mpi;

import java.util.LinkedHashSet;
import java.util.Set;
import org.carnet.core.normalize.BirthDate;

/**
 * The blocking keys of a record: two records become candidates when they share one. Several keys so that one
 * corrupted field never hides a pair: (first-name code, last-name code); (one name's key, the other's first three
 * letters); (name code, birth year); (commune, name key); (commune, first two letters of a name); the full date of
 * birth; (day and month in either order, year) for transpositions. First and last names feed the same keys, so
 * swapped names still meet. Codes are a name's key,
 * its key without prenasal and its variant groups. Keys hold personal data: in the registry they are stored as
 * blind indexes only.
 */
public final class BlockingKeys {
    private BlockingKeys() {
    }

    /** The record's keys, without duplicates. */
    public static Set<String> of(MatchRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        String[] first = firstCodes(r);
        String[] last = r.lastCodes;
        int year = r.dob == null ? 0 : r.dob.year();
        if (first != null && last != null) {
            for (String f : first) {
                for (String l : last) {
                    keys.add(f.compareTo(l) <= 0 ? "n|" + f + "|" + l : "n|" + l + "|" + f);
                }
            }
            // one name by its key, the other by its first letters: a typo in one name (either order)
            keys.add("kp|" + r.firstKey() + "|" + prefix(r.last.joined(), 3));
            keys.add("kp|" + r.lastKey() + "|" + prefix(r.first.joined(), 3));
        }
        // every name-based key below is built the same way for first and last names, so swapped names still meet
        for (String[] codes : new String[][] {first, last}) {
            if (codes == null) {
                continue;
            }
            for (String c : codes) {
                if (year != 0) {
                    keys.add("ky|" + c + "|" + year);
                }
            }
            if (r.commune != null) {
                keys.add("ck|" + r.commune + "|" + codes[0]);
            }
        }
        if (r.commune != null) {
            if (r.last != null) {
                keys.add("c2|" + r.commune + "|" + prefix(r.last.joined(), 2));
            }
            if (r.first != null) {
                keys.add("c2|" + r.commune + "|" + prefix(r.first.joined(), 2));
            }
        }
        if (year != 0 && r.dob.precision() == BirthDate.Precision.FULL) {
            keys.add("d|" + r.dob.digits());
            int lo = Math.min(r.dob.day(), r.dob.month());
            int hi = Math.max(r.dob.day(), r.dob.month());
            keys.add("t|" + lo + "|" + hi + "|" + year);
        }
        return keys;
    }

    /** True for keys without a date part, which a large index also files under key + birth year. */
    static boolean narrowable(String key) {
        return key.startsWith("n|") || key.startsWith("kp|") || key.startsWith("c2|") || key.startsWith("ck|");
    }

    /** Codes of the whole first name plus the primary key of each of its significant tokens. */
    private static String[] firstCodes(MatchRecord r) {
        if (r.firstCodes == null) {
            return null;
        }
        if (r.firstTokens.length <= 1) {
            return r.firstCodes;
        }
        Set<String> all = new LinkedHashSet<>(java.util.List.of(r.firstCodes));
        for (String[] t : r.firstTokenCodes) {
            all.add(t[0]);
        }
        return all.toArray(new String[0]);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
