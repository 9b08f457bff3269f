package org.carnet.core.mpi;

import java.util.HashMap;
import java.util.Map;

/**
 * How common each value is in the pool: "Diallo" or "Mamadou" agreeing is weak evidence, "Sondergeld" strong.
 * Counts of exact last names, last-name keys, exact first names and communes. Not thread-safe while adding.
 */
final class TermFrequencies {
    private final Map<String, Integer> last = new HashMap<>();
    private final Map<String, Integer> lastKey = new HashMap<>();
    private final Map<String, Integer> first = new HashMap<>();
    private final Map<String, Integer> firstKey = new HashMap<>();
    private final Map<String, Integer> commune = new HashMap<>();
    private int lastTotal;
    private int firstTotal;
    private int communeTotal;

    void add(MatchRecord r) {
        if (r.last != null) {
            last.merge(r.last.joined(), 1, Integer::sum);
            lastKey.merge(r.lastKey(), 1, Integer::sum);
            lastTotal++;
        }
        if (r.first != null) {
            first.merge(r.first.joined(), 1, Integer::sum);
            firstKey.merge(r.firstKey(), 1, Integer::sum);
            firstTotal++;
        }
        if (r.commune != null) {
            commune.merge(r.commune, 1, Integer::sum);
            communeTotal++;
        }
    }

    /**
     * The relative frequency of the agreeing value for a term-frequency level, or NaN when it does not apply. For two
     * different values agreeing by key, the more common one counts. When the names were compared crosswise, a name
     * counts as common if it is common as a first or as a last name (the record may have them the wrong way round).
     */
    double frequency(Field f, int level, MatchRecord a, MatchRecord b, boolean swapped) {
        switch (f) {
            case LAST_NAME:
                if (a.last == null || b.last == null) {
                    return Double.NaN;
                }
                if (swapped) {
                    return either(a.last.joined(), a.lastKey(), level == 0);
                }
                if (level == 0) {
                    return share(last, a.last.joined(), lastTotal);
                }
                return Math.max(share(lastKey, a.lastKey(), lastTotal), share(lastKey, b.lastKey(), lastTotal));
            case FIRST_NAME:
                if (a.first == null || b.first == null) {
                    return Double.NaN;
                }
                if (swapped) {
                    return either(a.first.joined(), a.firstKey(), level == 0);
                }
                if (level == 0) {
                    return share(first, a.first.joined(), firstTotal);
                }
                return Math.max(share(firstKey, a.firstKey(), firstTotal), share(firstKey, b.firstKey(), firstTotal));
            case COMMUNE:
                return a.commune == null ? Double.NaN : share(commune, a.commune, communeTotal);
            default:
                return Double.NaN;
        }
    }

    private double either(String name, String key, boolean exact) {
        return exact ? Math.max(share(first, name, firstTotal), share(last, name, lastTotal))
                : Math.max(share(firstKey, key, firstTotal), share(lastKey, key, lastTotal));
    }

    private static double share(Map<String, Integer> counts, String value, int total) {
        if (total == 0) {
            return Double.NaN;
        }
        int n = counts.getOrDefault(value, 0);
        return Math.max(n, 1) / (double) Math.max(total, 1);
    }
}
