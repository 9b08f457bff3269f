package org.carnet.core.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard's term lists, read from {@code lexicon.tsv} (its header documents the format), and the text folding both
 * the lexicon and the metadata go through: camelCase split, diacritics and case folded, words split on anything but
 * letters and digits, light plural stemming, stop words removed.
 */
final class Lexicon {
    /** A word of a term: matched exactly, or as a prefix when the lexicon wrote it with a trailing {@code *}. */
    record Word(String text, boolean prefix) {
        boolean matchesExactly(String token) {
            return prefix ? token.startsWith(text) : token.equals(text);
        }

        @Override
        public String toString() {
            return prefix ? text + "*" : text;
        }
    }

    /** One term of a category with its exclusion ({@code unless}) and hotword ({@code requires}) words. */
    record Term(SensitiveCategory category, String lang, double weight, List<Word> phrase, List<Word> unless,
                List<Word> requires) {
        String key() {
            return category + ":" + phrase;
        }

        boolean appliesTo(String recordLang) {
            return lang.equals("*") || lang.equals("en") || recordLang == null || lang.equals(recordLang);
        }
    }

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z]{2})(?=[A-Z][a-z])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> LANGUAGES = Set.of("en", "fr", "pt");

    final List<Term> terms;
    /** Every distinct word of the terms' phrases, numbered for the classifier's match cache. */
    final Map<Word, Integer> phraseWords;
    final Set<String> stopWords;
    final Set<String> identityHeads;
    final Set<String> identityWords;
    final Set<String> programmeWords;

    private Lexicon(List<Term> terms, Map<Kind, Set<String>> lists) {
        this.terms = List.copyOf(terms);
        Map<Word, Integer> ids = new HashMap<>();
        terms.forEach(t -> t.phrase().forEach(w -> ids.putIfAbsent(w, ids.size())));
        this.phraseWords = Map.copyOf(ids);
        this.stopWords = Set.copyOf(lists.get(Kind.STOP));
        this.identityHeads = Set.copyOf(lists.get(Kind.IDENTITY_HEAD));
        this.identityWords = Set.copyOf(lists.get(Kind.IDENTITY));
        this.programmeWords = Set.copyOf(lists.get(Kind.PROGRAMME));
    }

    private enum Kind { STOP, IDENTITY_HEAD, IDENTITY, PROGRAMME }

    /** The lexicon shipped with Carnet. */
    static Lexicon shipped() {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.tsv missing from the application");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses lexicon lines; a malformed line is a packaging error and fails loudly. */
    static Lexicon parse(List<String> lines) {
        Map<Kind, Set<String>> lists = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            lists.put(k, new HashSet<>());
        }
        List<String[]> termLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 4 || !(cols[1].equals("*") || LANGUAGES.contains(cols[1]))) {
                throw new IllegalStateException("lexicon.tsv line " + (i + 1) + " is malformed");
            }
            String kind = cols[0];
            if (Arrays.stream(Kind.values()).anyMatch(k -> k.name().equals(kind))) {
                for (String w : cols[3].split(" ")) {
                    lists.get(Kind.valueOf(kind)).add(stem(fold(w)));
                }
            } else {
                termLines.add(cols);
            }
        }
        Lexicon folding = new Lexicon(List.of(), lists);
        List<Term> terms = new ArrayList<>();
        for (String[] cols : termLines) {
            terms.add(new Term(SensitiveCategory.valueOf(cols[0]), cols[1], Double.parseDouble(cols[2]),
                    words(folding, cols[3]), words(folding, cols.length > 4 ? cols[4] : ""),
                    words(folding, cols.length > 5 ? cols[5] : "")));
        }
        return new Lexicon(terms, lists);
    }

    private static List<Word> words(Lexicon folding, String spec) {
        List<Word> out = new ArrayList<>();
        for (String w : spec.trim().split("\\s+")) {
            if (w.endsWith("*")) {
                out.add(new Word(fold(w.substring(0, w.length() - 1)), true));
            } else if (!w.isEmpty()) {
                folding.tokens(w).forEach(t -> out.add(new Word(t, false)));
            }
        }
        return List.copyOf(out);
    }

    /** The language code when it is one the lexicon knows, else null (unknown: every language applies). */
    static String language(String lang) {
        String l = lang == null ? "" : lang.trim().toLowerCase(Locale.ROOT);
        if (l.length() > 2 && (l.charAt(2) == '_' || l.charAt(2) == '-')) {
            l = l.substring(0, 2);
        }
        return LANGUAGES.contains(l) ? l : null;
    }

    /** Lower case without diacritics, ligatures expanded; camelCase words split first. */
    static String fold(String text) {
        String split = CAMEL.matcher(text).replaceAll(" ");
        String decomposed = Normalizer.normalize(split, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }

    /** Light stemming shared by en/fr/pt: plural endings (-s, -ões, -ais, -eis, -aux) reduced to the singular. */
    static String stem(String w) {
        int n = w.length();
        if (n <= 3 || Character.isDigit(w.charAt(n - 1))) {
            return w;
        }
        if (n > 4 && w.endsWith("oes")) {
            return w.substring(0, n - 3) + "ao";
        }
        if (n > 5 && (w.endsWith("ais") || w.endsWith("aux"))) {
            return w.substring(0, n - 3) + "al";
        }
        if (n > 5 && w.endsWith("eis")) {
            return w.substring(0, n - 3) + "el";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** The folded, stemmed words of {@code text} without stop words. */
    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : NON_WORD.split(fold(text))) {
            String s = stem(w);
            if (!s.isEmpty() && !stopWords.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
