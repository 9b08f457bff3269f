package org.carnet.core.demo.internal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo org-unit hierarchy: Sénégal (level 1) → régions (2) → départements (3) → communes (4), with UIDs from the
 * seed. Units are numbered in depth-first order, so "is inside" is an interval test.
 */
final class OrgUnitTree {
    static final List<String> LEVEL_NAMES = List.of("Pays", "Région", "Département", "Commune");

    record Unit(int index, String uid, String name, String code, int level, int parent, String path, int end,
                String created, String lastUpdated) {
        /** True when {@code other} is this unit or below it. */
        boolean contains(Unit other) {
            return other.index >= index && other.index < end;
        }
    }

    private final List<Unit> units;
    private final Map<String, Unit> byUid;
    private final List<Unit> communes;
    private final List<Unit> byName;

    OrgUnitTree(long seed) {
        List<Unit> list = new ArrayList<>();
        Builder b = new Builder(seed, list);
        int root = b.add(SenegalGeography.COUNTRY, SenegalGeography.COUNTRY_CODE, 1, -1, "");
        for (SenegalGeography.Region r : SenegalGeography.REGIONS) {
            int ri = b.add(r.name(), r.code(), 2, root, SenegalGeography.COUNTRY);
            for (SenegalGeography.Department d : r.departments()) {
                int di = b.add(d.name(), r.code() + "-" + code(d.name()), 3, ri, r.name());
                for (String c : d.communes()) {
                    b.add(c, r.code() + "-" + code(d.name()) + "-" + code(c), 4, di, r.name() + "/" + d.name());
                }
                b.close(di);
            }
            b.close(ri);
        }
        b.close(root);
        this.units = List.copyOf(b.done());
        this.byUid = units.stream().collect(Collectors.toUnmodifiableMap(Unit::uid, Function.identity()));
        if (byUid.size() != units.size()) {
            throw new IllegalStateException("duplicate org unit UID");
        }
        this.communes = units.stream().filter(u -> u.level() == 4).toList();
        Collator collator = Collator.getInstance(Locale.FRENCH);
        List<Unit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(Unit::name, collator).thenComparing(Unit::uid));
        this.byName = Collections.unmodifiableList(sorted);
    }

    private static String code(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        return ascii.length() <= 4 ? ascii : ascii.substring(0, 4);
    }

    List<Unit> all() {
        return units;
    }

    /** All units sorted by name (DHIS2's default metadata order). */
    List<Unit> sortedByName() {
        return byName;
    }

    Unit get(int index) {
        return units.get(index);
    }

    Unit byUid(String uid) {
        return byUid.get(uid);
    }

    Unit root() {
        return units.get(0);
    }

    Unit byName(String name, int level) {
        return units.stream().filter(u -> u.level() == level && u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no org unit " + name));
    }

    /** The communes below a unit. */
    List<Unit> communesIn(Unit area) {
        return communes.stream().filter(area::contains).toList();
    }

    /** The region (level 2) a unit belongs to, or null for the root. */
    Unit regionOf(Unit u) {
        Unit cur = u;
        while (cur.level() > 2) {
            cur = units.get(cur.parent());
        }
        return cur.level() == 2 ? cur : null;
    }

    /** The direct children of a unit. */
    List<Unit> children(Unit u) {
        return units.stream().filter(c -> c.parent() == u.index()).toList();
    }

    /** A membership mask: {@code mask[i]} is true when unit i lies inside one of {@code areas}. */
    boolean[] inside(List<Unit> areas) {
        boolean[] mask = new boolean[units.size()];
        for (Unit a : areas) {
            Arrays.fill(mask, a.index(), a.end(), true);
        }
        return mask;
    }

    /** Collects units in depth-first order and fills in each subtree's end once its children are added. */
    private static final class Builder {
        private final long seed;
        private final List<Unit> list;

        Builder(long seed, List<Unit> list) {
            this.seed = seed;
            this.list = list;
        }

        int add(String name, String code, int level, int parent, String parentNames) {
            int index = list.size();
            String uid = Uids.named(seed, "ou:" + parentNames + "/" + name);
            String path = (parent < 0 ? "" : list.get(parent).path()) + "/" + uid;
            long h = Hashing.mix(seed, index, 77);
            String created = String.format(Locale.ROOT, "2019-%02d-%02dT%02d:%02d:%02d.%03d", 1 + Hashing.below(h, 12),
                    1 + Hashing.below(h >>> 8, 28), 8 + Hashing.below(h >>> 16, 9), Hashing.below(h >>> 24, 60),
                    Hashing.below(h >>> 32, 60), Hashing.below(h >>> 40, 1000));
            String updated = String.format(Locale.ROOT, "2023-%02d-%02dT%02d:%02d:%02d.%03d",
                    1 + Hashing.below(h >>> 3, 12), 1 + Hashing.below(h >>> 11, 28), 8 + Hashing.below(h >>> 19, 9),
                    Hashing.below(h >>> 27, 60), Hashing.below(h >>> 35, 60), Hashing.below(h >>> 43, 1000));
            list.add(new Unit(index, uid, name, code, level, parent, path, index + 1, created, updated));
            return index;
        }

        void close(int index) {
            Unit u = list.get(index);
            list.set(index, new Unit(u.index(), u.uid(), u.name(), u.code(), u.level(), u.parent(), u.path(),
                    list.size(), u.created(), u.lastUpdated()));
        }

        List<Unit> done() {
            return list;
        }
    }
}
