package org.carnet.core.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The organisation units a user can see (from {@link Dhis2Client#orgUnits()}), looked up by uid and walked up by
 * path: which district a health facility lies in. Immutable and thread-safe; an unknown uid gives an empty answer,
 * never an exception. Levels are the server's ({@code level}, 1 = the root of the whole hierarchy); a unit whose
 * level is unknown (0) is placed by its position in the path.
 */
public final class OrgUnitTree {
    /** Senegal's health pyramid: 1 country, 2 région médicale, 3 district sanitaire, 4 facilities and postes. */
    public static final int DEFAULT_REGION_LEVEL = 2;
    /** The district sanitaire in Senegal's health pyramid. */
    public static final int DEFAULT_DISTRICT_LEVEL = 3;

    private static final OrgUnitTree EMPTY = new OrgUnitTree(List.of());

    private final Map<String, OrgUnit> byId;
    private final Map<Integer, Long> countByLevel;
    private final int maxLevel;

    /** A tree of the given units; null elements and units without a uid are ignored, the first of a uid wins. */
    public OrgUnitTree(Collection<OrgUnit> units) {
        Objects.requireNonNull(units, "units");
        Map<String, OrgUnit> map = new LinkedHashMap<>();
        for (OrgUnit u : units) {
            if (u != null && u.id() != null && !u.id().isBlank()) {
                map.putIfAbsent(u.id(), u);
            }
        }
        Map<Integer, Long> counts = new TreeMap<>();
        int max = 0;
        for (OrgUnit u : map.values()) {
            counts.merge(u.level(), 1L, Long::sum);
            max = Math.max(max, u.level());
        }
        this.byId = Collections.unmodifiableMap(map);
        this.countByLevel = Collections.unmodifiableMap(counts);
        this.maxLevel = max;
    }

    /** A tree of the given units (see {@link #OrgUnitTree(Collection)}). */
    public static OrgUnitTree of(Collection<OrgUnit> units) {
        return new OrgUnitTree(units);
    }

    /** The tree with no unit. */
    public static OrgUnitTree empty() {
        return EMPTY;
    }

    /** The unit with this uid. */
    public Optional<OrgUnit> unit(String uid) {
        return uid == null ? Optional.empty() : Optional.ofNullable(byId.get(uid));
    }

    /**
     * The unit at {@code level} on the path of {@code uid}, the unit itself included (a district's district is
     * itself): a known unit of that path whose level is {@code level}, or, when its level is unknown, which stands at
     * that position of the path. Empty for an unknown uid, a level below the unit's, or an ancestor outside the tree.
     */
    public Optional<OrgUnit> ancestorAtLevel(String uid, int level) {
        OrgUnit unit = uid == null ? null : byId.get(uid);
        if (unit == null || level < 1) {
            return Optional.empty();
        }
        List<String> segments = segments(unit);
        for (int i = 0; i < segments.size(); i++) {
            OrgUnit a = byId.get(segments.get(i));
            if (a != null && (a.level() == level || a.level() <= 0 && i + 1 == level)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The known ancestors of {@code uid} along its path, root first, the unit itself excluded. Ancestors outside the
     * tree (above the user's org units) are left out. Empty for an unknown uid.
     */
    public List<OrgUnit> ancestors(String uid) {
        OrgUnit unit = uid == null ? null : byId.get(uid);
        if (unit == null) {
            return List.of();
        }
        List<OrgUnit> out = new ArrayList<>();
        for (String s : segments(unit)) {
            OrgUnit a = byId.get(s);
            if (a != null && !a.id().equals(unit.id()) && !out.contains(a)) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> segments(OrgUnit unit) {
        List<String> out = new ArrayList<>();
        if (unit.path() != null) {
            for (String s : unit.path().split("/")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        if (out.isEmpty() || !out.get(out.size() - 1).equals(unit.id())) {
            out.add(unit.id());
        }
        return out;
    }

    /** The deepest level in the tree, 0 when it is empty (or every level is unknown). */
    public int maxLevel() {
        return maxLevel;
    }

    /** Units per level, by ascending level (0 = unknown). */
    public Map<Integer, Long> countByLevel() {
        return countByLevel;
    }

    /** The number of units. */
    public int size() {
        return byId.size();
    }

    /** Counts only: no uid or name. */
    @Override
    public String toString() {
        return "OrgUnitTree[units=" + byId.size() + ", byLevel=" + countByLevel + "]";
    }
}
