package org.carnet.core.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carnet.core.normalize.BirthDate;

/**
 * Estimates a {@link MatchModel} from the records at hand, without labels, the way splink does: u from random
 * pairs (assumed different people), then m by expectation-maximisation in two runs with u fixed, each on the pairs
 * sharing one kind of evidence and estimating only the other fields: run A on pairs with the same full date of
 * birth (m of names, sex, commune), run B on pairs with the same name keys (m of date of birth, sex, commune).
 * Weights are then made monotone along each field's levels, and lambda = expected matches of run A / P(same date
 * | match) / all pairs. Pools too small to train on get the shipped defaults. Deterministic for a seed.
 */
public final class ModelTrainer {
    /** Below this many records the shipped defaults are used. */
    public static final int MIN_RECORDS = 300;
    /** The pool size the shipped defaults' prior stands for. */
    static final int DEFAULT_POOL = 5_000;
    private static final int ALL_PAIRS_BELOW = 1_500;
    private static final int SAMPLED_PAIRS = 1_000_000;
    private static final int MAX_TRAINING_PAIRS = 400_000;
    private static final int MIN_EM_PAIRS = 30;
    private static final int EM_ITERATIONS = 60;
    private static final double M_FLOOR = 0.002;
    private static final int MAX_NAME_BLOCK = 8;

    private ModelTrainer() {
    }

    /** The shipped parameters (trained on public synthetic data, sex and district levels set by hand). */
    public static MatchModel defaults() {
        try (InputStream in = ModelTrainer.class.getResourceAsStream("default-model.json")) {
            if (in == null) {
                throw new IllegalStateException("default-model.json missing from the application");
            }
            return new ObjectMapper().readValue(in, MatchModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains on the pool, or returns the defaults when it is too small or the estimate is degenerate. */
    public static MatchModel train(List<MatchRecord> pool, long seed) {
        MatchModel defaults = defaults();
        int n = pool.size();
        if (n < MIN_RECORDS) {
            return defaults;
        }
        double[][] u = estimateU(pool, seed, defaults);
        double[][] m = defaults.m();
        EmResult a = em(pool, pairsSharingFullDate(pool, seed), EnumSet.of(Field.BIRTH_DATE), u, defaults);
        EmResult b = em(pool, pairsSharingNameKeys(pool, seed), EnumSet.of(Field.LAST_NAME, Field.FIRST_NAME), u,
                defaults);
        for (Field f : Field.ALL) {
            double[] ma = a == null || f == Field.BIRTH_DATE ? null : a.m[f.ordinal()];
            double[] mb = b == null || f == Field.LAST_NAME || f == Field.FIRST_NAME ? null : b.m[f.ordinal()];
            if (ma != null && mb != null) {
                for (int l = 0; l < f.levelCount(); l++) {
                    m[f.ordinal()][l] = (ma[l] + mb[l]) / 2;
                }
            } else if (ma != null) {
                m[f.ordinal()] = ma;
            } else if (mb != null) {
                m[f.ordinal()] = mb;
            }
        }
        for (Field f : Field.ALL) {
            floor(m[f.ordinal()]);
            monotone(m[f.ordinal()], u[f.ordinal()]);
        }
        double lambda = defaults.lambda();
        if (a != null && m[Field.BIRTH_DATE.ordinal()][0] > 0.05) {
            double pairs = n * (n - 1) / 2.0;
            lambda = a.expectedMatches / m[Field.BIRTH_DATE.ordinal()][0] / pairs;
        }
        if (!(lambda > 1e-10 && lambda < 0.5)) {
            return defaults;
        }
        return new MatchModel(MatchModel.VERSION, m, u, lambda, n, "trained");
    }

    /** u per level from random pairs (all pairs of small pools), Laplace-smoothed; unseen levels keep defaults. */
    static double[][] estimateU(List<MatchRecord> pool, long seed, MatchModel defaults) {
        int n = pool.size();
        long[][] counts = new long[Field.ALL.length][];
        for (Field f : Field.ALL) {
            counts[f.ordinal()] = new long[f.levelCount()];
        }
        int[] levels = new int[Field.ALL.length];
        long all = (long) n * (n - 1) / 2;
        if (n < ALL_PAIRS_BELOW) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    count(pool.get(i), pool.get(j), levels, counts);
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(seed);
            long target = Math.min(SAMPLED_PAIRS, all);
            for (long k = 0; k < target; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                count(pool.get(i), pool.get(j), levels, counts);
            }
        }
        double[][] u = new double[Field.ALL.length][];
        double[][] du = defaults.u();
        for (Field f : Field.ALL) {
            long[] c = counts[f.ordinal()];
            long total = 0;
            for (long x : c) {
                total += x;
            }
            double[] row = new double[c.length];
            if (total < 1000) {
                u[f.ordinal()] = du[f.ordinal()];
                continue;
            }
            for (int l = 0; l < c.length; l++) {
                row[l] = (c[l] + 0.5) / (total + 0.5 * c.length);
            }
            u[f.ordinal()] = row;
        }
        return u;
    }

    private static void count(MatchRecord a, MatchRecord b, int[] levels, long[][] counts) {
        Comparator.compare(a, b, levels);
        for (Field f : Field.ALL) {
            int l = levels[f.ordinal()];
            if (l != Field.MISSING) {
                counts[f.ordinal()][l]++;
            }
        }
    }

    /** Pairs sharing a full (not defaulted) date of birth. */
    static List<int[]> pairsSharingFullDate(List<MatchRecord> pool, long seed) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            BirthDate d = pool.get(i).dob;
            if (d != null && d.precision() == BirthDate.Precision.FULL) {
                blocks.computeIfAbsent(d.digits(), k -> new ArrayList<>()).add(i);
            }
        }
        return pairs(blocks, seed);
    }

    /**
     * Pairs sharing the keys of both names, from name combinations that are not common: behind "Mamadou Diallo" stand
     * many namesakes, and EM would learn from them that the same person's dates of birth often disagree.
     */
    static List<int[]> pairsSharingNameKeys(List<MatchRecord> pool, long seed) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            MatchRecord r = pool.get(i);
            if (r.first != null && r.last != null) {
                blocks.computeIfAbsent(r.firstKey() + "|" + r.lastKey(), k -> new ArrayList<>()).add(i);
            }
        }
        blocks.values().removeIf(b -> b.size() > MAX_NAME_BLOCK);
        return pairs(blocks, seed);
    }

    private static List<int[]> pairs(Map<String, List<Integer>> blocks, long seed) {
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    pairs.add(new int[] {block.get(x), block.get(y)});
                }
            }
        }
        if (pairs.size() > MAX_TRAINING_PAIRS) {
            SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int i = 0; i < MAX_TRAINING_PAIRS; i++) {
                int j = i + r.nextInt(pairs.size() - i);
                int[] t = pairs.get(i);
                pairs.set(i, pairs.get(j));
                pairs.set(j, t);
            }
            return new ArrayList<>(pairs.subList(0, MAX_TRAINING_PAIRS));
        }
        return pairs;
    }

    private record EmResult(double[][] m, double expectedMatches) {
    }

    /**
     * EM with u fixed over the pairs of one run; the blocked fields are left out (they agree by construction). Returns
     * null when the run has too few pairs to say anything.
     */
    private static EmResult em(List<MatchRecord> pool, List<int[]> pairs, Set<Field> blocked, double[][] u,
            MatchModel defaults) {
        if (pairs.size() < MIN_EM_PAIRS) {
            return null;
        }
        int fields = Field.ALL.length;
        byte[] vectors = new byte[pairs.size() * fields];
        int[] levels = new int[fields];
        for (int p = 0; p < pairs.size(); p++) {
            Comparator.compare(pool.get(pairs.get(p)[0]), pool.get(pairs.get(p)[1]), levels);
            for (int f = 0; f < fields; f++) {
                vectors[p * fields + f] = (byte) levels[f];
            }
        }
        double[][] m = defaults.m();
        double lambda = 0.3;
        double expected = 0;
        for (int it = 0; it < EM_ITERATIONS; it++) {
            double[][] num = new double[fields][];
            double[] den = new double[fields];
            for (Field f : Field.ALL) {
                num[f.ordinal()] = new double[f.levelCount()];
            }
            double sumP = 0;
            double logPrior = Math.log(lambda / (1 - lambda));
            for (int p = 0; p < pairs.size(); p++) {
                double w = logPrior;
                for (Field f : Field.ALL) {
                    int l = vectors[p * fields + f.ordinal()];
                    if (l == Field.MISSING || blocked.contains(f)) {
                        continue;
                    }
                    w += Math.log(Math.max(m[f.ordinal()][l], MatchModel.FLOOR)
                            / Math.max(u[f.ordinal()][l], MatchModel.FLOOR));
                }
                double prob = 1 / (1 + Math.exp(-w));
                sumP += prob;
                for (Field f : Field.ALL) {
                    int l = vectors[p * fields + f.ordinal()];
                    if (l == Field.MISSING || blocked.contains(f)) {
                        continue;
                    }
                    num[f.ordinal()][l] += prob;
                    den[f.ordinal()] += prob;
                }
            }
            double change = 0;
            for (Field f : Field.ALL) {
                if (blocked.contains(f) || den[f.ordinal()] < 1) {
                    continue;
                }
                for (int l = 0; l < f.levelCount(); l++) {
                    double v = Math.max((num[f.ordinal()][l] + 1e-3) / (den[f.ordinal()] + 1e-3 * f.levelCount()),
                            MatchModel.FLOOR);
                    change = Math.max(change, Math.abs(v - m[f.ordinal()][l]));
                    m[f.ordinal()][l] = v;
                }
            }
            lambda = Math.min(Math.max(sumP / pairs.size(), 1e-6), 1 - 1e-6);
            expected = sumP;
            if (change < 1e-7) {
                break;
            }
        }
        double[][] d = defaults.m();
        for (Field f : Field.ALL) {
            if (blocked.contains(f) || den(vectors, fields, f) == 0) {
                m[f.ordinal()] = d[f.ordinal()];
            }
        }
        return new EmResult(m, expected);
    }

    private static int den(byte[] vectors, int fields, Field f) {
        int n = 0;
        for (int p = f.ordinal(); p < vectors.length; p += fields) {
            if (vectors[p] != Field.MISSING) {
                n++;
            }
        }
        return n;
    }

    /**
     * Keeps every m at least {@link #M_FLOOR} (then sums to 1 again): real registers hold keying errors the training
     * data may not show (a sex typed wrong), and no single field should be able to veto a match on its own.
     */
    static void floor(double[] m) {
        double sum = 0;
        for (int l = 0; l < m.length; l++) {
            m[l] = Math.max(m[l], M_FLOOR);
            sum += m[l];
        }
        for (int l = 0; l < m.length; l++) {
            m[l] /= sum;
        }
    }

    /**
     * Pool-adjacent-violators on the ratios m/u so that a better level never weighs less than a worse one; the sum of
     * m is kept.
     */
    static void monotone(double[] m, double[] u) {
        int n = m.length;
        double[] bm = new double[n];
        double[] bu = new double[n];
        int[] start = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            bm[blocks] = m[i];
            bu[blocks] = u[i];
            start[blocks] = i;
            blocks++;
            while (blocks > 1 && bm[blocks - 1] / bu[blocks - 1] > bm[blocks - 2] / bu[blocks - 2]) {
                bm[blocks - 2] += bm[blocks - 1];
                bu[blocks - 2] += bu[blocks - 1];
                blocks--;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? start[b + 1] : n;
            double ratio = bm[b] / bu[b];
            for (int i = start[b]; i < end; i++) {
                m[i] = u[i] * ratio;
            }
        }
    }
}
