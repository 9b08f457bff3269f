package org.carnet.core.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Scores the guard on labelled records with the metrics of {@code docs/guard.md} section 5. A record is sensitive when
 * its label is not {@link SensitiveCategory#NONE}; a leak is a sensitive record predicted NONE.
 *
 * <ul>
 *   <li>sensitive recall: sensitive records predicted as any sensitive category ÷ sensitive records;</li>
 *   <li>sensitive precision: predicted-sensitive records that are sensitive ÷ predicted-sensitive records;</li>
 *   <li>lenient macro-F1: the mean F1 of the 8 labels, a prediction being correct when it equals the label or one of
 *   the record's secondary labels; strict macro-F1 ignores the secondary labels. Labels that a subset neither holds
 *   nor predicts are left out of its mean.</li>
 * </ul>
 *
 * A ratio without a denominator (no sensitive record, nothing predicted sensitive) is {@link Double#NaN}.
 */
public final class GuardEvaluation {
    /** A record with its reference labels; {@code secondary} are the other categories it also discloses. */
    public record LabelledAttribute(AttributeDescription attribute, SensitiveCategory label,
                                    Set<SensitiveCategory> secondary) {
        public LabelledAttribute {
            secondary = secondary.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(secondary));
        }

        /** Whether {@code prediction} counts as correct under the lenient rule. */
        public boolean accepts(SensitiveCategory prediction) {
            return prediction == label || secondary.contains(prediction);
        }
    }

    /** The metrics of a set of records. */
    public record Scores(int records, int sensitive, double recall, double precision, double macroF1,
                         double strictMacroF1) {
    }

    /**
     * The metrics of the records whose primary label is {@code category}: the share of them blocked (the sensitive
     * recall; NaN for NONE) and the lenient precision, recall and F1 of the label.
     */
    public record CategoryScores(SensitiveCategory category, int records, double blocked, double precision,
                                 double recall, double f1) {
    }

    /** A sensitive record the guard let through. */
    public record Leak(LabelledAttribute record, Classification prediction) {
    }

    /** Everything {@code carnet guard eval} prints; languages in alphabetical order. */
    public record Report(Scores overall, Map<String, Scores> byLanguage,
                         Map<SensitiveCategory, CategoryScores> byCategory, List<Leak> leaks) {
    }

    /** Language key of records without a language. */
    public static final String UNKNOWN_LANGUAGE = "?";

    private GuardEvaluation() {
    }

    /** Classifies every record and scores the predictions. */
    public static Report evaluate(List<LabelledAttribute> records, AttributeClassifier classifier) {
        List<Classification> predictions = records.stream().map(r -> classifier.classify(r.attribute())).toList();
        return evaluate(records, predictions);
    }

    /** Scores given predictions, one per record in the same order. */
    public static Report evaluate(List<LabelledAttribute> records, List<Classification> predictions) {
        if (records.size() != predictions.size()) {
            throw new IllegalArgumentException("one prediction per record");
        }
        List<Pair> pairs = new ArrayList<>();
        List<Leak> leaks = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Pair p = new Pair(records.get(i), predictions.get(i).category());
            pairs.add(p);
            if (p.record.label().isSensitive() && !p.predicted.isSensitive()) {
                leaks.add(new Leak(p.record, predictions.get(i)));
            }
        }
        Map<String, Scores> byLanguage = new TreeMap<>();
        pairs.stream().map(GuardEvaluation::language).distinct().forEach(lang ->
                byLanguage.put(lang, scores(pairs.stream().filter(p -> language(p).equals(lang)).toList())));
        Map<SensitiveCategory, CategoryScores> byCategory = new EnumMap<>(SensitiveCategory.class);
        for (SensitiveCategory c : SensitiveCategory.values()) {
            List<Pair> of = pairs.stream().filter(p -> p.record.label() == c).toList();
            F1 f1 = f1(pairs, c, true);
            byCategory.put(c, new CategoryScores(c, of.size(),
                    c.isSensitive() ? ratio(count(of, p -> p.predicted.isSensitive()), of.size()) : Double.NaN,
                    f1.precision, f1.recall, f1.f1));
        }
        return new Report(scores(pairs), byLanguage, byCategory, List.copyOf(leaks));
    }

    private record Pair(LabelledAttribute record, SensitiveCategory predicted) {
        /** The reference label the prediction is compared with: the prediction itself when it is accepted. */
        SensitiveCategory reference(boolean lenient) {
            return lenient && record.accepts(predicted) ? predicted : record.label();
        }
    }

    private record F1(double precision, double recall, double f1, boolean present) {
    }

    private static String language(Pair p) {
        String lang = p.record.attribute().lang();
        return lang == null || lang.isBlank() ? UNKNOWN_LANGUAGE : lang;
    }

    private static Scores scores(List<Pair> pairs) {
        int sensitive = count(pairs, p -> p.record.label().isSensitive());
        int caught = count(pairs, p -> p.record.label().isSensitive() && p.predicted.isSensitive());
        int blocked = count(pairs, p -> p.predicted.isSensitive());
        return new Scores(pairs.size(), sensitive, ratio(caught, sensitive), ratio(caught, blocked),
                macroF1(pairs, true), macroF1(pairs, false));
    }

    private static double macroF1(List<Pair> pairs, boolean lenient) {
        return List.of(SensitiveCategory.values()).stream().map(c -> f1(pairs, c, lenient)).filter(F1::present)
                .mapToDouble(F1::f1).average().orElse(Double.NaN);
    }

    private static F1 f1(List<Pair> pairs, SensitiveCategory c, boolean lenient) {
        int tp = count(pairs, p -> p.predicted == c && p.reference(lenient) == c);
        int predicted = count(pairs, p -> p.predicted == c);
        int actual = count(pairs, p -> p.reference(lenient) == c);
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = actual == 0 ? 0 : (double) tp / actual;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new F1(ratio(tp, predicted), ratio(tp, actual), f1, predicted + actual > 0);
    }

    private static int count(List<Pair> pairs, Predicate<Pair> test) {
        return (int) pairs.stream().filter(test).count();
    }

    private static double ratio(int n, int of) {
        return of == 0 ? Double.NaN : (double) n / of;
    }
}
