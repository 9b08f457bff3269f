package org.carnet.core.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Name keys for West African names. English Soundex equates distinct families (Sow/Sy, Diop/Diouf, Gueye/Gaye) and
 * misses real variants (Diop/Joob, Diallo/Jallow); this key is a rule-based skeleton of how the name sounds in
 * Wolof, Pulaar, Mandinka and French spellings, plus a table of known variants and nicknames
 * ({@code wa_name_variants.csv}: Modou for Mouhamadou, Ablaye for Abdoulaye, Khady for Khadidiatou).
 */
public final class NameKeys {
    private static final Set<String> HONORIFICS = Set.of("el", "elhadji", "elhadj", "hadji", "hadj", "al",
            "mame", "ndeye", "ndey", "sokhna", "serigne", "seydina");
    private static final Map<String, Set<String>> GROUPS = loadGroups();

    private NameKeys() {
    }

    /**
     * The key of a folded name (letters only, as {@link PersonName#joined()}): {@code dj} and {@code di}+vowel →
     * {@code j}; {@code ou} → {@code u}; {@code kh}, {@code q}, {@code ck}, {@code x} and {@code c} before a, o, u
     * → {@code k}, {@code c} before e, i, y → {@code s}; {@code ph} → {@code f}; {@code th} → {@code t};
     * {@code gn} → {@code n}; {@code gu} before e, i → {@code g}; {@code y} between vowels or after a vowel → {@code i};
     * doubled letters collapsed; a final {@code h} after a vowel dropped (Bah, Jalloh); a final {@code ow} → {@code o}
     * (Jallow); a final silent {@code e} dropped (Gueye, Faye, Kane); a final voiced {@code b}, {@code d}, {@code g}
     * devoiced (Joob = Diop). Short names keep their vowels: Sow and Sy stay apart.
     */
    public static String key(String folded) {
        if (folded == null || folded.isEmpty()) {
            return null;
        }
        String s = folded.replace(" ", "");
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char after = i + 2 < n ? s.charAt(i + 2) : 0;
            switch (c) {
                case 'd':
                    if (next == 'j') {
                        b.append('j');
                        i++;
                    } else if (next == 'i' && isVowel(after)) {
                        b.append('j');
                        i++;
                    } else {
                        b.append('d');
                    }
                    break;
                case 'o':
                    if (next == 'u') {
                        b.append('u');
                        i++;
                    } else {
                        b.append('o');
                    }
                    break;
                case 'k':
                    b.append('k');
                    if (next == 'h') {
                        i++;
                    }
                    break;
                case 'q':
                    b.append('k');
                    if (next == 'u' && isVowel(after)) {
                        i++;
                    }
                    break;
                case 'x':
                    b.append('k');
                    break;
                case 'c':
                    if (next == 'k' || next == 'q') {
                        b.append('k');
                        i++;
                    } else if (next == 'h') {
                        b.append("ch");
                        i++;
                    } else if (next == 'e' || next == 'i' || next == 'y') {
                        b.append('s');
                    } else {
                        b.append('k');
                    }
                    break;
                case 'p':
                    if (next == 'h') {
                        b.append('f');
                        i++;
                    } else {
                        b.append('p');
                    }
                    break;
                case 't':
                    b.append('t');
                    if (next == 'h') {
                        i++;
                    }
                    break;
                case 'g':
                    if (next == 'n') {
                        b.append('n');
                        i++;
                    } else if (next == 'u' && (after == 'e' || after == 'i')) {
                        b.append('g');
                        i++;
                    } else {
                        b.append('g');
                    }
                    break;
                case 'y':
                    b.append(i > 0 && isVowel(s.charAt(i - 1)) ? 'i' : 'y');
                    break;
                default:
                    b.append(c);
            }
        }
        // collapse doubled letters
        StringBuilder k = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            if (k.length() == 0 || k.charAt(k.length() - 1) != b.charAt(i)) {
                k.append(b.charAt(i));
            }
        }
        int len = k.length();
        if (len > 2 && k.charAt(len - 1) == 'h' && isVowel(k.charAt(len - 2))) {
            k.setLength(--len);
        }
        if (len > 3 && k.charAt(len - 1) == 'w' && k.charAt(len - 2) == 'o') {
            k.setLength(--len);
        }
        if (len > 3 && k.charAt(len - 1) == 'e' && !isVowel(k.charAt(len - 2))) {
            k.setLength(--len);
        } else if (len > 3 && k.charAt(len - 1) == 'e' && k.charAt(len - 2) == 'i') {
            k.setLength(--len); // -aye/-eye: the y became i
        }
        if (len > 2) {
            char last = k.charAt(len - 1);
            if (last == 'b') {
                k.setCharAt(len - 1, 'p');
            } else if (last == 'd') {
                k.setCharAt(len - 1, 't');
            } else if (last == 'g' && k.charAt(len - 2) != 'n') {
                k.setCharAt(len - 1, 'k');
            }
        }
        return k.toString();
    }

    /**
     * The key without a leading prenasal {@code n} or {@code m} before a consonant (Ndiaye → diaye, Mbaye → baye), or
     * null when the name has none. Two names whose keys meet through this form are spelling variants.
     */
    public static String prenasalKey(String folded) {
        if (folded == null || folded.length() < 4) {
            return null;
        }
        char c0 = folded.charAt(0);
        char c1 = folded.charAt(1);
        if ((c0 == 'n' || c0 == 'm') && !isVowel(c1) && c1 != 'y' && c1 != 'g' && c1 != ' ') {
            return key(folded.substring(1));
        }
        return null;
    }

    /** The variant groups a folded name belongs to in the table (empty when it is not listed). */
    public static Set<String> groups(String folded) {
        if (folded == null) {
            return Set.of();
        }
        return GROUPS.getOrDefault(folded.replace(" ", ""), Set.of());
    }

    /**
     * True when two folded names are known or sound-alike variants of each other: same variant group, same key, or
     * keys that meet once a prenasal is dropped.
     */
    public static boolean variants(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        Set<String> ga = groups(a);
        if (!ga.isEmpty()) {
            for (String g : groups(b)) {
                if (ga.contains(g)) {
                    return true;
                }
            }
        }
        String ka = key(a);
        String kb = key(b);
        if (ka.equals(kb)) {
            return true;
        }
        String pa = prenasalKey(a);
        String pb = prenasalKey(b);
        return (pa != null && (pa.equals(kb) || pa.equals(pb))) || (pb != null && pb.equals(ka));
    }

    /** Honorific and family prefixes of compound given names (El Hadji, Mame, Ndeye, Serigne, Sokhna…). */
    public static boolean isHonorific(String foldedToken) {
        return HONORIFICS.contains(foldedToken);
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static Map<String, Set<String>> loadGroups() {
        Map<String, Set<String>> groups = new HashMap<>();
        try (InputStream in = NameKeys.class.getResourceAsStream("wa_name_variants.csv")) {
            if (in == null) {
                throw new IllegalStateException("wa_name_variants.csv missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header: kind,group,name,relation,note
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length < 3 || f[2].isBlank()) {
                    continue;
                }
                String name = Text.compact(f[2]);
                groups.computeIfAbsent(name, x -> new HashSet<>()).add(f[0].strip() + ":" + f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        groups.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
