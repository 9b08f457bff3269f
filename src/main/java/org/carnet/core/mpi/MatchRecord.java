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

    private MatchRecord(PersonFields f, boolean ageDerivedDob) {
        this.id = f.id();
        this.first = PersonName.of(f.firstName());
        this.last = PersonName.of(f.lastName());
        BirthDate d = BirthDates.parse(f.dateOfBirth());
        this.dob = d != null && ageDerivedDob ? d.ageDerived() : d;
        this.sex = Sex.parse(f.sex());
        this.commune = Text.compact(f.commune());
        this.district = Text.compact(f.district());
        this.firstCodes = first == null ? null : codes(first.joined());
        this.lastCodes = last == null ? null : codes(last.joined());
        if (first == null) {
            this.firstTokens = null;
            this.firstTokenCodes = null;
        } else {
            List<String> toks = first.significantTokens();
            this.firstTokens = toks.toArray(new String[0]);
            this.firstTokenCodes = new String[toks.size()][];
            for (int i = 0; i < toks.size(); i++) {
                firstTokenCodes[i] = codes(toks.get(i));
            }
        }
    }

    /** Prepares a record. */
    public static MatchRecord of(PersonFields fields) {
        return new MatchRecord(fields, false);
    }

    /** Prepares a record whose date of birth was computed from an age (DHIS2 AGE attribute). */
    public static MatchRecord ofAgeDerived(PersonFields fields) {
        return new MatchRecord(fields, true);
    }

    public String id() {
        return id;
    }

    private static String[] codes(String joined) {
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
