package org.carnet.core.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides from metadata alone whether a DHIS2 attribute or data element is sensitive, and in which
 * {@link SensitiveCategory} (design: {@code docs/guard.md}, section 4). Pure and deterministic: no registry, no
 * network, no model download.
 *
 * <p>Each field of the description is folded (case, diacritics, camelCase, plurals) and matched against the shipped
 * multilingual lexicon ({@code lexicon.tsv}): exact words, word prefixes, and unknown long words with one or two typos.
 * A match weighs the term's weight times the field's weight (name 3, short name and code 2, description 1, options
 * 0.5), less when it sits in a programme prefix such as {@code HIV CS -} so that the field's own topic wins; exclusion
 * words (vaccine next to hepatitis, blood next to bank, mpox next to viral load…) and hotwords (insurance needs a type
 * or a status; a thumb needs an image, which the value type {@code IMAGE} also gives) come from the lexicon. A
 * category that gathers {@value #THRESHOLD} or more wins; core identity, demographic and contact fields (phone number,
 * date of birth, gender…) stay {@link SensitiveCategory#NONE} even under a sensitive programme prefix. Thread-safe.
 */
public final class AttributeClassifier {
    /** The evidence from which a category is decided: one full-weight term in the description. */
    public static final double THRESHOLD = 1.0;
    /** Only the first option names are read, as the evaluation data does. */
    public static final int MAX_OPTIONS = 40;

    private static final double PREFIX_FACTOR = 0.7;
    private static final double FUZZY_FACTOR = 0.9;
    private static final double EXEMPT_CONFIDENCE = 0.95;
    private static final int REASON_TERMS = 3;
    /** A programme prefix: up to 30 characters before the first " - ", "- ", ": " or dash. */
    private static final Pattern PREFIX = Pattern.compile("^(.{1,30}?)(?:\\s*[-–—]\\s+|\\s*:\\s)");
    /** An ANC-style numbered prefix: {@code ANC.B9.}, {@code ANC.End.13.}. */
    private static final Pattern DOTTED_PREFIX = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z0-9]+)+\\.)\\s");

    private enum Field {
        NAME("name", 3), SHORT_NAME("short name", 2), CODE("code", 2), DESCRIPTION("description", 1),
        OPTIONS("options", 0.5);

        final String label;
        final double weight;

        Field(String label, double weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    /** The folded words of one field; the first {@code prefixLength} belong to a programme prefix. */
    private record FieldText(Field field, List<String> tokens, int prefixLength) {
    }

    /** The best match of one term. */
    private record Evidence(Lexicon.Term term, double score, Field field, String text, boolean fuzzy,
                            boolean inPrefix) {
        String describe() {
            String shown = fuzzy ? "\"" + text + "\" (≈ " + join(term.phrase()) + ")" : "\"" + text + "\"";
            return shown + " in " + field.label + (inPrefix ? " prefix" : "");
        }
    }

    /** Beyond this many distinct words the match cache starts afresh, so a huge metadata sync cannot exhaust memory. */
    private static final int CACHE_LIMIT = 100_000;

    private final Lexicon lexicon;
    /** Per metadata word: its match quality against every phrase word of the lexicon (see {@link #quality}). */
    private final Map<String, byte[]> matches = new ConcurrentHashMap<>();
    /** Per term of the lexicon, in order: the numbers of its phrase words. */
    private final int[][] phraseIds;

    /** The classifier with the lexicon shipped in the application. */
    public AttributeClassifier() {
        this(Lexicon.shipped());
    }

    AttributeClassifier(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.phraseIds = lexicon.terms.stream()
                .map(t -> t.phrase().stream().mapToInt(lexicon.phraseWords::get).toArray()).toArray(int[][]::new);
    }

    /** Classifies one field. */
    public Classification classify(AttributeDescription attribute) {
        String exempt = identityExemption(attribute);
        if (exempt != null) {
            return new Classification(SensitiveCategory.NONE, EXEMPT_CONFIDENCE,
                    "core identity field \"" + exempt + "\" → NONE");
        }
        List<FieldText> fields = fields(attribute);
        List<String> context = fields.stream().filter(f -> f.field() != Field.OPTIONS)
                .flatMap(f -> f.tokens().stream()).toList();
        List<String> valueType = lexicon.tokens(attribute.valueType());
        String lang = Lexicon.language(attribute.lang());
        Map<String, Evidence> best = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int t = 0; t < phraseIds.length; t++) {
            Lexicon.Term term = lexicon.terms.get(t);
            if (!term.appliesTo(lang)) {
                continue;
            }
            for (FieldText f : fields) {
                Evidence e = match(term, phraseIds[t], f, valueType);
                if (e == null) {
                    continue;
                }
                String unless = firstPresent(term.unless(), context);
                if (unless != null) {
                    ignored.add("\"" + e.text() + "\" ignored next to \"" + unless + "\"");
                    break;
                }
                best.merge(term.key(), e, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        Map<SensitiveCategory, Double> scores = new EnumMap<>(SensitiveCategory.class);
        best.values().forEach(e -> scores.merge(e.term().category(), e.score(), Double::sum));
        SensitiveCategory top = scores.entrySet().stream()
                .max(Map.Entry.<SensitiveCategory, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(SensitiveCategory.NONE);
        double score = scores.getOrDefault(top, 0.0);
        if (score < THRESHOLD) {
            String why = best.isEmpty() ? "no sensitive term"
                    : "evidence below threshold: " + describe(best.values().stream().toList());
            if (!ignored.isEmpty()) {
                why += "; " + String.join("; ", ignored);
            }
            return new Classification(SensitiveCategory.NONE, round(Math.exp(-score)), why + " → NONE");
        }
        List<Evidence> decisive = best.values().stream().filter(e -> e.term().category() == top).toList();
        return new Classification(top, round(1 - Math.exp(-score)), describe(decisive) + " → " + top);
    }

    private static String describe(List<Evidence> evidence) {
        return evidence.stream().sorted(Comparator.comparingDouble(Evidence::score).reversed()).limit(REASON_TERMS)
                .map(Evidence::describe).collect(Collectors.joining(", "));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String join(List<Lexicon.Word> words) {
        return words.stream().map(Lexicon.Word::toString).collect(Collectors.joining(" "));
    }

    /**
     * The core-identity words of the name when it is made only of them (programme prefixes and stop words aside) and
     * has a head word such as phone, birth or gender; else null.
     */
    private String identityExemption(AttributeDescription a) {
        String name = blank(a.name()) ? a.shortName() : a.name();
        List<String> words = lexicon.tokens(name).stream()
                .filter(w -> !lexicon.programmeWords.contains(w) && !w.chars().allMatch(Character::isDigit)).toList();
        boolean onlyIdentity = words.stream()
                .allMatch(w -> lexicon.identityHeads.contains(w) || lexicon.identityWords.contains(w));
        boolean hasHead = words.stream().anyMatch(lexicon.identityHeads::contains);
        return onlyIdentity && hasHead ? String.join(" ", words) : null;
    }

    private List<FieldText> fields(AttributeDescription a) {
        List<FieldText> out = new ArrayList<>();
        out.add(withPrefix(Field.NAME, a.name()));
        out.add(withPrefix(Field.SHORT_NAME, a.shortName()));
        out.add(new FieldText(Field.CODE, lexicon.tokens(a.code()), 0));
        out.add(new FieldText(Field.DESCRIPTION, lexicon.tokens(a.description()), 0));
        List<String> options = new ArrayList<>();
        a.options().stream().limit(MAX_OPTIONS).forEach(o -> options.addAll(lexicon.tokens(o)));
        out.add(new FieldText(Field.OPTIONS, options, 0));
        return out;
    }

    private FieldText withPrefix(Field field, String text) {
        if (blank(text)) {
            return new FieldText(field, List.of(), 0);
        }
        int prefix = 0;
        for (Pattern p : List.of(DOTTED_PREFIX, PREFIX)) {
            Matcher m = p.matcher(text.strip());
            if (m.find()) {
                int n = lexicon.tokens(m.group(1)).size();
                if (n >= 1 && n <= 3) {
                    prefix = n;
                    break;
                }
            }
        }
        return new FieldText(field, lexicon.tokens(text), prefix);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private byte[] qualities(String token) {
        byte[] q = matches.get(token);
        if (q == null) {
            q = new byte[lexicon.phraseWords.size()];
            for (Map.Entry<Lexicon.Word, Integer> w : lexicon.phraseWords.entrySet()) {
                q[w.getValue()] = (byte) quality(w.getKey(), token);
            }
            boolean known = false;
            for (byte b : q) {
                known |= b == 1;
            }
            if (known) {
                // a typo is only assumed for an unknown word: "psychological" is not a misspelt "psychos*"
                for (int i = 0; i < q.length; i++) {
                    q[i] = q[i] == 2 ? 0 : q[i];
                }
            }
            if (matches.size() >= CACHE_LIMIT) {
                matches.clear();
            }
            matches.put(token, q);
        }
        return q;
    }

    /**
     * The best occurrence of {@code term} in the field, or null; hotwords must occur in the same field or in the value
     * type ({@code IMAGE} makes "thumb" biometric).
     */
    private Evidence match(Lexicon.Term term, int[] ids, FieldText f, List<String> valueType) {
        List<String> tokens = f.tokens();
        List<Lexicon.Word> phrase = term.phrase();
        Evidence found = null;
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            boolean fuzzy = false;
            int j = 0;
            while (j < phrase.size()) {
                int q = qualities(tokens.get(i + j))[ids[j]];
                if (q == 0) {
                    break;
                }
                fuzzy |= q == 2;
                j++;
            }
            if (j < phrase.size()) {
                continue;
            }
            boolean inPrefix = i < f.prefixLength();
            double score = term.weight() * f.field().weight * (inPrefix ? PREFIX_FACTOR : 1)
                    * (fuzzy ? FUZZY_FACTOR : 1);
            if (found == null || score > found.score()) {
                found = new Evidence(term, score, f.field(), String.join(" ", tokens.subList(i, i + phrase.size())),
                        fuzzy, inPrefix);
            }
        }
        if (found != null && !term.requires().isEmpty() && firstPresent(term.requires(), tokens) == null
                && firstPresent(term.requires(), valueType) == null) {
            return null;
        }
        return found;
    }

    private static String firstPresent(List<Lexicon.Word> words, List<String> tokens) {
        for (String t : tokens) {
            for (Lexicon.Word w : words) {
                if (w.matchesExactly(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * 1 for an exact (or prefix) match, 2 for a match with typos, 0 for none. Typos are tolerated in words of at
     * least 6 letters (prefixes of at least 8) that share their first letter: one edit, two from 10 letters.
     */
    static int quality(Lexicon.Word word, String token) {
        if (word.matchesExactly(token)) {
            return 1;
        }
        String w = word.text();
        if (token.isEmpty() || token.charAt(0) != w.charAt(0) || Character.isDigit(w.charAt(w.length() - 1))) {
            return 0;
        }
        if (word.prefix()) {
            if (w.length() < 8) {
                return 0;
            }
            for (int k = w.length(); k <= Math.min(w.length() + 1, token.length()); k++) {
                if (editDistance(w, token.substring(0, k)) <= 1) {
                    return 2;
                }
            }
            return 0;
        }
        int max = w.length() >= 10 ? 2 : 1;
        if (w.length() < 6 || token.length() < 6 || Math.abs(token.length() - w.length()) > max) {
            return 0;
        }
        return editDistance(w, token) <= max ? 2 : 0;
    }

    /** Damerau-Levenshtein distance (optimal string alignment). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
