package org.carnet.core.mpi;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores pairs with a {@link MatchModel} and the pool's term frequencies: weight = log2 prior odds + Σ log2(m/u)
 * + term-frequency adjustment on exact and key levels (log2 u_level − log2 tf, capped to ±4 bits); missing fields
 * add nothing. Scoring is thread-safe as long as nobody calls {@link #learn(MatchRecord)} meanwhile.
 */
public final class Scorer {
    private final MatchModel model;
    private final TermFrequencies tf;
    private final double prior;

    Scorer(MatchModel model, TermFrequencies tf) {
        this.model = model;
        this.tf = tf;
        this.prior = model.priorWeight();
    }

    /**
     * The most the names of {@code r} can add against any record: per name, the best level with the term frequency
     * of r's own name (a common name agreeing exactly is weak evidence whatever it is compared with).
     */
    double bestNameWeight(MatchRecord r) {
        return best(Field.LAST_NAME, r) + best(Field.FIRST_NAME, r);
    }

    private double best(Field f, MatchRecord r) {
        if ((f == Field.LAST_NAME ? r.last : r.first) == null) {
            return 0; // missing: weighs nothing
        }
        double b = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < f.levelCount(); l++) {
            // against another record the agreeing value can only be as common or commoner: a bound
            b = Math.max(b, model.weight(f, l) + tfAdjustment(f, l, r, r, false));
        }
        return b;
    }

    /** A scorer whose term frequencies are counted over {@code pool} (the registry's identities). */
    public static Scorer of(MatchModel model, Iterable<MatchRecord> pool) {
        TermFrequencies tf = new TermFrequencies();
        pool.forEach(tf::add);
        return new Scorer(model, tf);
    }

    /** Counts a new identity's values in the term frequencies (not thread-safe with scoring). */
    public void learn(MatchRecord r) {
        tf.add(r);
    }

    public MatchModel model() {
        return model;
    }

    /** Total weight of a pair (prior included). */
    double weight(MatchRecord a, MatchRecord b, int[] levels) {
        boolean swapped = Comparator.compare(a, b, levels);
        double w = prior;
        for (Field f : Field.ALL) {
            int level = levels[f.ordinal()];
            if (level == Field.MISSING) {
                continue;
            }
            w += model.weight(f, level) + tfAdjustment(f, level, a, b, swapped);
        }
        return w;
    }

    private double tfAdjustment(Field f, int level, MatchRecord a, MatchRecord b, boolean swapped) {
        if (!f.tfLevel(level)) {
            return 0;
        }
        double freq = tf.frequency(f, level, a, b, swapped);
        if (Double.isNaN(freq)) {
            return 0;
        }
        double adj = MatchModel.log2(Math.max(model.u(f, level), MatchModel.FLOOR)) - MatchModel.log2(freq);
        return Math.max(-MatchModel.TF_CAP, Math.min(MatchModel.TF_CAP, adj));
    }

    /**
     * The pair's weight, or NaN when it cannot reach {@code minWeight}: date, sex and commune are compared first
     * (cheap), and the names (string comparisons) only if their best possible weight could still get there.
     */
    double weightAtLeast(MatchRecord a, MatchRecord b, int[] levels, double minWeight, double bestNames) {
        double w = prior;
        int dob = Comparator.dateLevel(a.dob, b.dob);
        int sex = a.sex == org.carnet.core.normalize.Sex.U || b.sex == org.carnet.core.normalize.Sex.U
                ? Field.MISSING : a.sex == b.sex ? 0 : 1;
        int commune = Comparator.communeLevel(a, b);
        w += model.weight(Field.BIRTH_DATE, dob) + model.weight(Field.SEX, sex) + model.weight(Field.COMMUNE, commune)
                + (commune == 0 ? MatchModel.TF_CAP : 0);
        if (w + bestNames < minWeight) {
            return Double.NaN;
        }
        return weight(a, b, levels);
    }

    /** Match probability of a pair. */
    public double probability(MatchRecord a, MatchRecord b) {
        return MatchModel.probability(weight(a, b, new int[Field.ALL.length]));
    }

    /** The pair's score with why: each field's level, weight and term-frequency part. */
    public PairScore explain(MatchRecord a, MatchRecord b) {
        int[] levels = new int[Field.ALL.length];
        boolean swapped = Comparator.compare(a, b, levels);
        List<PairScore.FieldScore> parts = new ArrayList<>();
        double w = prior;
        for (Field f : Field.ALL) {
            int level = levels[f.ordinal()];
            if (level == Field.MISSING) {
                parts.add(new PairScore.FieldScore(f, "missing", 0, 0));
                continue;
            }
            double fw = model.weight(f, level);
            double adj = tfAdjustment(f, level, a, b, swapped);
            w += fw + adj;
            parts.add(new PairScore.FieldScore(f, f.levels().get(level), fw, adj));
        }
        return new PairScore(MatchModel.probability(w), w, prior, swapped, parts);
    }

    /**
     * The best weight a record could reach against a perfect copy of itself (every present field at its best
     * level, with its term frequencies): a record that cannot reach the auto-link weight even so must never be
     * linked automatically.
     */
    double selfWeight(MatchRecord r) {
        return weight(r, r, new int[Field.ALL.length]);
    }
}
