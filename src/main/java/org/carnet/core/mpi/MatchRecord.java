package org.carnet.core.mpi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carnet.core.normalize.BirthDate;
import org.carnet.core.normalize.BirthDates;
import org.carnet.core.normalize.NameKeys;
import org.carnet.core.normalize.PersonName;
import org.carnet.core.normalize.Sex;
import org.carnet.core.normalize.Text;

/**
 * A record prepared for matching: normalised fields and the name codes the comparisons and blocking keys use,
 * computed once. Personal data: {@link #toString()} prints the id only.
 */
public final class MatchRecord {
    final String id;
    final PersonName first;
    final PersonName last;
    final BirthDate dob;
    final Sex sex;
    final String commune;
    final String district;
    /** Codes of the whole name: its key, its key without prenasal, its variant groups. */
    final String[] firstCodes;
    final String[] lastCodes;
    /** Codes of each significant given-name token. */
    final String[][] firstTokenCodes;
    final String[] firstTokens;

    private MatchRecord(PersonFields f, boolean ageDerivedDob, Interner interner) {
        this.id = f.id();
        NameParts fp = interner.name(f.firstName());
        NameParts lp = interner.name(f.lastName());
        this.first = fp == null ? null : fp.name;
        this.last = lp == null ? null : lp.name;
        BirthDate d = BirthDates.parse(f.dateOfBirth());
        this.dob = d != null && ageDerivedDob ? d.ageDerived() : d;
        this.sex = Sex.parse(f.sex());
        this.commune = interner.string(Text.compact(f.commune()));
        this.district = interner.string(Text.compact(f.district()));
        this.firstCodes = fp == null ? null : fp.codes;
        this.lastCodes = lp == null ? null : lp.codes;
        this.firstTokens = fp == null ? null : fp.tokens;
        this.firstTokenCodes = fp == null ? null : fp.tokenCodes;
    }

    /** Prepares a record. */
    public static MatchRecord of(PersonFields fields) {
        return new MatchRecord(fields, false, new Interner());
    }

    /** Prepares a record, sharing the name parts already prepared by {@code interner} (large pools). */
    public static MatchRecord of(PersonFields fields, Interner interner) {
        return new MatchRecord(fields, false, interner);
    }

    /** Prepares a record whose date of birth was computed from an age (DHIS2 AGE attribute). */
    public static MatchRecord ofAgeDerived(PersonFields fields, Interner interner) {
        return new MatchRecord(fields, true, interner);
    }

    /** A name's prepared parts. */
    private record NameParts(PersonName name, String[] codes, String[] tokens, String[][] tokenCodes) {
        static NameParts of(String raw) {
            PersonName n = PersonName.of(raw);
            if (n == null) {
                return null;
            }
            List<String> toks = n.significantTokens();
            String[][] tokenCodes = new String[toks.size()][];
            for (int i = 0; i < toks.size(); i++) {
                tokenCodes[i] = codesOf(toks.get(i));
            }
            return new NameParts(n, codesOf(n.joined()), toks.toArray(new String[0]), tokenCodes);
        }
    }

    /**
     * Shares prepared names and strings between records: in a registry of a million people a few thousand names
     * cover everyone, so each is prepared and stored once. Not thread-safe.
     */
    public static final class Interner {
        private static final NameParts NONE = new NameParts(null, null, null, null);
        private final java.util.Map<String, NameParts> names = new java.util.HashMap<>();
        private final java.util.Map<String, String> strings = new java.util.HashMap<>();

        NameParts name(String raw) {
            if (raw == null) {
                return null;
            }
            NameParts p = names.computeIfAbsent(raw, r -> {
                NameParts made = NameParts.of(r);
                return made == null ? NONE : made;
            });
            return p == NONE ? null : p;
        }

        String string(String s) {
            return s == null ? null : strings.computeIfAbsent(s, x -> x);
        }
    }

    public String id() {
        return id;
    }

    private static String[] codesOf(String joined) {
        Set<String> c = new LinkedHashSet<>();
        c.add(NameKeys.key(joined));
        String p = NameKeys.prenasalKey(joined);
        if (p != null) {
            c.add(p);
        }
        for (String g : NameKeys.groups(joined)) {
            c.add("#" + g);
        }
        return c.toArray(new String[0]);
    }

    static boolean share(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The primary key of the last name, or null. */
    String lastKey() {
        return lastCodes == null ? null : lastCodes[0];
    }

    String firstKey() {
        return firstCodes == null ? null : firstCodes[0];
    }

    /** How many of the five fields are present. */
    int presentFields() {
        int n = 0;
        n += first != null ? 1 : 0;
        n += last != null ? 1 : 0;
        n += dob != null ? 1 : 0;
        n += sex != Sex.U ? 1 : 0;
        n += commune != null ? 1 : 0;
        return n;
    }

    /** The folded district, else the folded commune, else null: where the person is registered. */
    public String place() {
        return district != null ? district : commune;
    }

    @Override
    public String toString() {
        return "MatchRecord[" + id + "]";
    }
}
