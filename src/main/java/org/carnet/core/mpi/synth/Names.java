package org.carnet.core.mpi.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Family and given names of Senegal (Wolof, Pulaar, Serer, Mandinka, Diola) and neighbouring countries, in order of
 * frequency, drawn with Zipf–Mandelbrot weights so that a few names cover a large share of people (docs/mpi.md §5);
 * compound given names (Ndeye Fatou, El Hadji Malick); and the spelling variants and keying errors a second
 * registration of the same person produces. The spelling variants are the hand-made fixture
 * {@code wa_name_variants.csv} (kind, group, name, relation, note), with a few generic orthographic alternations
 * for names it does not list.
 */
final class Names {
    /** Family names, most frequent first. Look-alike families (Fall/Faye, Sow/Sy, Diop/Diouf) are distinct here. */
    static final List<String> SURNAMES = List.of(
            "Diop", "Ndiaye", "Diallo", "Fall", "Sow", "Ba", "Gueye", "Faye", "Sy", "Mbaye",
            "Sarr", "Cissé", "Diouf", "Seck", "Thiam", "Kane", "Niang", "Camara", "Touré", "Sall",
            "Ka", "Dieng", "Ndour", "Diagne", "Mbengue", "Samb", "Badji", "Diatta", "Wade", "Barry",
            "Ly", "Tall", "Sène", "Lô", "Ndoye", "Baldé", "Sané", "Kébé", "Mboup", "Gaye",
            "Thiaw", "Dione", "Ngom", "Tine", "Coly", "Sonko", "Traoré", "Keïta", "Koné", "Coulibaly",
            "Dramé", "Konaté", "Mané", "Dabo", "Fofana", "Sagna", "Goudiaby", "Manga", "Sambou", "Diédhiou",
            "Bassène", "Tendeng", "Diémé", "Cissokho", "Kanté", "Dia", "Diao", "Wane", "Ciss", "Mbow",
            "Ndao", "Sylla", "Doumbia", "Kouyaté", "Diakhaté", "Diakité", "Ndione", "Diaw", "Mendy", "Gomis",
            "Senghor", "Correa", "Ndecky", "Kandé", "Danfa", "Seydi", "Boye", "Guissé", "Mbodj", "Diack",
            "Sadio", "Niasse", "Ndiour", "Sougou", "Sakho", "Fam", "Ndong", "Loum", "Diome", "Faty",
            "Top", "Gningue", "Kassé", "Sambe", "Diongue", "Bèye", "Hanne", "Diassé", "Ndir", "Bodian");

    /** Male given names, most frequent first; the first {@link #COMPOUND_BASES} may follow a prefix. */
    static final List<String> MALE = List.of(
            "Mamadou", "Moussa", "Ibrahima", "Cheikh", "Abdoulaye", "Ousmane", "Modou", "Amadou", "Babacar", "Aliou",
            "Oumar", "Mouhamed", "Assane", "Boubacar", "Souleymane", "Malick", "Alioune", "Lamine", "Pape", "Samba",
            "Demba", "Seydou", "Idrissa", "Saliou", "Djibril", "Youssou", "Massamba", "Thierno", "Abdou", "Ismaïla",
            "Mouhamadou", "Khadim", "Mansour", "Bakary", "Moustapha", "Issa", "Daouda", "Alassane", "Habib", "Fallou",
            "Bassirou", "Matar", "Madické", "Elimane", "Sékou", "Lansana", "Famara", "Ansoumana", "Adama", "Salif",
            "Kéba", "Insa", "Hamidou", "Abdoul", "Yaya", "Birame", "Tidiane", "Aboubacry", "Ngor", "Waly",
            "Latyr", "Jean", "Pierre", "Augustin", "Joseph", "Paul", "Emmanuel", "Ignace", "Mathurin", "Émile");

    /** Female given names, most frequent first; the first {@link #COMPOUND_BASES} may follow a prefix. */
    static final List<String> FEMALE = List.of(
            "Fatou", "Aminata", "Awa", "Mariama", "Khady", "Aïssatou", "Fatoumata", "Coumba", "Ndeye", "Astou",
            "Rokhaya", "Maimouna", "Bineta", "Kadiatou", "Seynabou", "Sokhna", "Adama", "Dieynaba", "Binta", "Oumou",
            "Penda", "Yacine", "Dior", "Khadidiatou", "Marième", "Ramatoulaye", "Hawa", "Nafissatou", "Fanta", "Sira",
            "Djénéba", "Ngoné", "Aïda", "Diarra", "Absa", "Codou", "Soda", "Nogaye", "Anta", "Arame",
            "Salimata", "Maty", "Daba", "Oumy", "Khoudia", "Rama", "Mbayang", "Kiné", "Coura", "Ndella",
            "Marie", "Germaine", "Thérèse", "Odile", "Angèle", "Sophie", "Odette", "Bernadette", "Henriette",
            "Pauline");

    /** How many of the most frequent given names may follow a prefix (the rest are rarer or Christian names). */
    private static final int COMPOUND_BASES = 45;
    private static final List<String> MALE_PREFIXES = List.of("Pape", "El Hadji", "Serigne", "Mame");
    private static final List<String> FEMALE_PREFIXES = List.of("Ndeye", "Mame", "Sokhna", "Adja");
    private static final double MALE_COMPOUND_SHARE = 0.12;
    private static final double FEMALE_COMPOUND_SHARE = 0.18;

    private static final Weights SURNAME_WEIGHTS = Weights.zipf(SURNAMES.size(), 1.1, 2);
    private static final Weights MALE_WEIGHTS = Weights.zipf(MALE.size(), 1.0, 2);
    private static final Weights FEMALE_WEIGHTS = Weights.zipf(FEMALE.size(), 1.0, 2);

    private static final Map<String, List<String>> PREFIX_VARIANTS = Map.of(
            "El Hadji", List.of("Elhadji", "El Hadj", "Elhadj"),
            "Pape", List.of("Papa", "Pap"),
            "Mame", List.of("Mam", "Maam"));

    /** Generic alternations (lower case, never on the first letter), for names the fixture does not list. */
    private static final String[][] ALTERNATIONS = {
        {"ou", "u"}, {"kh", "k"}, {"ck", "k"}, {"dj", "j"}, {"th", "t"}, {"ss", "s"}, {"gu", "g"}, {"y", "i"},
        {"ca", "ka"}, {"co", "ko"}, {"mm", "m"}, {"é", "e"}, {"è", "e"}, {"ï", "i"}, {"ô", "o"}};

    private static final String[] AZERTY_ROWS = {"azertyuiop", "qsdfghjklm", "wxcvbn"};

    /** Lower-case name → the other spellings of its variant groups, in file order. */
    private static final Map<String, List<String>> VARIANTS = loadVariants();

    private Names() {
    }

    static String surname(SplittableRandom random) {
        return SURNAMES.get(SURNAME_WEIGHTS.draw(random));
    }

    /** The given name proper (without prefix) of a new person. */
    static String given(boolean female, SplittableRandom random) {
        return female ? FEMALE.get(FEMALE_WEIGHTS.draw(random)) : MALE.get(MALE_WEIGHTS.draw(random));
    }

    /**
     * The prefix of a compound given name for {@code base} ("Ndeye" for "Ndeye Fatou"), or null for none: only
     * the more frequent names take one, and never a name that is itself a prefix (Pape, Ndeye, Sokhna).
     */
    static String prefix(boolean female, String base, SplittableRandom random) {
        List<String> names = female ? FEMALE : MALE;
        List<String> prefixes = female ? FEMALE_PREFIXES : MALE_PREFIXES;
        double share = female ? FEMALE_COMPOUND_SHARE : MALE_COMPOUND_SHARE;
        if (random.nextDouble() >= share || names.indexOf(base) >= COMPOUND_BASES || prefixes.contains(base)) {
            return null;
        }
        return prefixes.get(random.nextInt(prefixes.size()));
    }

    /**
     * Another way of writing {@code name} for the same person: a spelling from the fixture's variant groups
     * ({@code Ndiaye} → {@code N'Diaye}, {@code Njaay}; {@code Abdoulaye} → {@code Ablaye}), else a generic
     * alternation ({@code ou} → {@code u}, {@code kh} → {@code k}, accents dropped); the name itself when none
     * applies.
     */
    static String variant(String name, SplittableRandom random) {
        List<String> prefixVariants = PREFIX_VARIANTS.get(name);
        if (prefixVariants != null) {
            return prefixVariants.get(random.nextInt(prefixVariants.size()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> spellings = VARIANTS.get(lower);
        if (spellings == null) {
            spellings = VARIANTS.get(stripAccents(lower));
        }
        if (spellings != null) {
            return capitalize(spellings.get(random.nextInt(spellings.size())));
        }
        List<String[]> applicable = new ArrayList<>();
        for (String[] a : ALTERNATIONS) {
            if (lower.indexOf(a[0], 1) > 0) {
                applicable.add(a);
            }
        }
        if (applicable.isEmpty()) {
            return name;
        }
        String[] a = applicable.get(random.nextInt(applicable.size()));
        return capitalize(lower.charAt(0) + lower.substring(1).replace(a[0], a[1]));
    }

    /**
     * One keying error on an AZERTY keyboard: two adjacent letters swapped, a letter dropped, a letter doubled or
     * a letter replaced by its neighbour on the keyboard. The first letter and names under 4 letters are kept.
     */
    static String typo(String name, SplittableRandom random) {
        if (name.length() < 4) {
            return name;
        }
        StringBuilder s = new StringBuilder(name);
        int i = 1 + random.nextInt(name.length() - 2);
        if (!Character.isLetter(s.charAt(i)) || !Character.isLetter(s.charAt(i + 1))) {
            return name;
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                char c = s.charAt(i);
                s.setCharAt(i, s.charAt(i + 1));
                s.setCharAt(i + 1, c);
            }
            case 1 -> s.deleteCharAt(i);
            case 2 -> s.insert(i, s.charAt(i));
            default -> s.setCharAt(i, neighbour(s.charAt(i), random));
        }
        return s.toString();
    }

    /** The text without diacritics ("Cissé" → "Cisse", "Keïta" → "Keita"), as systems without accents write it. */
    static String stripAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char neighbour(char c, SplittableRandom random) {
        char lower = Character.toLowerCase(c);
        for (String row : AZERTY_ROWS) {
            int at = row.indexOf(lower);
            if (at >= 0) {
                int next = at == 0 ? 1 : at == row.length() - 1 ? at - 1 : at + (random.nextBoolean() ? 1 : -1);
                char n = row.charAt(next);
                return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
            }
        }
        return c;
    }

    /** Upper-cases the first letter and each letter after a space, hyphen or apostrophe: n'diaye → N'Diaye. */
    private static String capitalize(String lower) {
        StringBuilder s = new StringBuilder(lower);
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || " -'’".indexOf(s.charAt(i - 1)) >= 0) {
                s.setCharAt(i, Character.toUpperCase(s.charAt(i)));
            }
        }
        return s.toString();
    }

    private static Map<String, List<String>> loadVariants() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = Names.class.getResourceAsStream("wa_name_variants.csv")) {
            if (in == null) {
                throw new IllegalStateException("wa_name_variants.csv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", 5);
                if (f.length >= 3 && !f[2].isBlank()) {
                    groups.computeIfAbsent(f[0] + ':' + f[1], k -> new ArrayList<>()).add(f[2].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wa_name_variants.csv", e);
        }
        Map<String, Set<String>> byName = new HashMap<>();
        for (List<String> group : groups.values()) {
            for (String name : group) {
                Set<String> others = byName.computeIfAbsent(name, k -> new LinkedHashSet<>());
                group.stream().filter(other -> !other.equals(name)).forEach(others::add);
            }
        }
        Map<String, List<String>> variants = new HashMap<>();
        byName.forEach((name, others) -> {
            if (!others.isEmpty()) {
                variants.put(name, List.copyOf(others));
            }
        });
        return Map.copyOf(variants);
    }
}
