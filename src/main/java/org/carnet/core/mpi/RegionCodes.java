package org.carnet.core.mpi;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The 3-character region part of an {@link MpiId} for a DHIS2 organisation unit.
 *
 * <p>Lookup order for {@link #codeFor(String, String, String)}: an override keyed by the org unit's uid, then an
 * override keyed by the org unit's name, then by its district's name; otherwise the code is
 * {@linkplain #derive(String) derived} from the district's name, or from the org unit's own name when no district
 * is known. A uid matches its key exactly; a name matches its key exactly or, failing that, without accents, case,
 * spaces or punctuation ({@code "SAINT LOUIS"} finds an override keyed {@code "Saint-Louis"}), unless two override
 * keys that read the same that way carry different codes (such as DHIS2 uids differing only in case).
 *
 * <p>Derived codes can collide (two districts whose names start alike); a deployment that has such districts, or
 * that already prints other codes, lists them as overrides.
 */
public final class RegionCodes {
    private static final String VOWELS = "AEIOUY";
    /** Marks a loose name key that two overrides with different codes share. */
    private static final String AMBIGUOUS = "";

    private final Map<String, String> exact;
    private final Map<String, String> loose;

    /**
     * @param overrides code by org unit uid or by org unit / district name; each code is exactly 3 characters
     *        {@code A-Z0-9}
     * @throws IllegalArgumentException if a code is malformed, or a key is blank or has no letter or digit
     */
    public RegionCodes(Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Map<String, String> exactKeys = new HashMap<>();
        Map<String, String> looseKeys = new HashMap<>();
        overrides.forEach((key, code) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("region code override with a blank key");
            }
            if (code == null || !isCode(code)) {
                throw new IllegalArgumentException("region code for \"" + key + "\" must be 3 characters A-Z or 0-9,"
                        + " was " + (code == null ? "null" : "\"" + code + "\""));
            }
            String looseKey = nameKey(key);
            if (looseKey.isEmpty()) {
                throw new IllegalArgumentException("region code override key \"" + key + "\" has no letter or digit");
            }
            exactKeys.put(key.strip(), code);
            looseKeys.merge(looseKey, code, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        });
        this.exact = Map.copyOf(exactKeys);
        this.loose = Map.copyOf(looseKeys);
    }

    /**
     * The region code of an org unit.
     *
     * @param orgUnitUid DHIS2 uid of the org unit, or null
     * @param orgUnitName its name, or null
     * @param districtName the name of its parent district, or null
     * @throws IllegalArgumentException if no override applies and neither name has a letter or digit
     */
    public String codeFor(String orgUnitUid, String orgUnitName, String districtName) {
        String code = orgUnitUid == null ? null : exact.get(orgUnitUid.strip());
        if (code == null) {
            code = override(orgUnitName);
        }
        if (code == null) {
            code = override(districtName);
        }
        if (code != null) {
            return code;
        }
        if (districtName != null && !nameKey(districtName).isEmpty()) {
            return derive(districtName);
        }
        if (orgUnitName != null && !nameKey(orgUnitName).isEmpty()) {
            return derive(orgUnitName);
        }
        throw new IllegalArgumentException("org unit " + orgUnitUid + " has no name to derive a region code from");
    }

    /**
     * The default code of a place name. Rule:
     * <ol>
     *   <li>strip diacritics, upper-case, keep only {@code A-Z0-9} and collapse runs of the same character
     *       ({@code "Kaffrine"} → {@code KAFRINE});</li>
     *   <li>keep the first character, then the following consonants (every character but A, E, I, O, U, Y) until
     *       3 are kept;</li>
     *   <li>if fewer than 3 were kept, add the earliest remaining characters (the vowels), keeping the name's
     *       order ({@code "Louga"} → {@code LOG}), then pad with {@code X}.</li>
     * </ol>
     * Examples: Dakar → DKR, Thiès → THS, Diourbel → DRB, Saint-Louis → SNT, Kaffrine → KFR, Matam → MTM.
     *
     * @throws IllegalArgumentException if the name has no letter or digit
     */
    public static String derive(String name) {
        String s = collapseRuns(nameKey(Objects.requireNonNull(name, "name")));
        if (s.isEmpty()) {
            throw new IllegalArgumentException("a region code needs a name with a letter or digit");
        }
        boolean[] kept = new boolean[s.length()];
        kept[0] = true;
        int count = 1;
        for (int i = 1; i < s.length() && count < 3; i++) {
            if (VOWELS.indexOf(s.charAt(i)) < 0) {
                kept[i] = true;
                count++;
            }
        }
        for (int i = 1; i < s.length() && count < 3; i++) {
            if (!kept[i]) {
                kept[i] = true;
                count++;
            }
        }
        StringBuilder code = new StringBuilder(3);
        for (int i = 0; i < s.length(); i++) {
            if (kept[i]) {
                code.append(s.charAt(i));
            }
        }
        while (code.length() < 3) {
            code.append('X');
        }
        return code.toString();
    }

    /** The override for a place name: exact key first, then the loose form unless it is ambiguous. */
    private String override(String name) {
        if (name == null) {
            return null;
        }
        String code = exact.get(name.strip());
        if (code == null) {
            code = loose.get(nameKey(name));
        }
        return AMBIGUOUS.equals(code) ? null : code;
    }

    private static boolean isCode(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Upper case A-Z0-9 only, diacritics stripped: the form names are compared and derived in. */
    private static String nameKey(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String collapseRuns(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
