package org.carnet.core.mpi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Fellegi-Sunter parameters: for each {@link Field} and level, m = P(level | same person) and u = P(level |
 * different persons), and lambda = P(two random records are the same person). Estimated without labels by
 * {@link ModelTrainer}; persisted as JSON in the registry. Immutable.
 *
 * @param version     format version of this document
 * @param m           per field (in {@link Field} order), per level
 * @param u           per field, per level
 * @param lambda      prior probability that a random pair matches
 * @param trainedOn   how many records the estimate used (0 for the shipped defaults)
 * @param source      "trained" or "defaults"
 */
public record MatchModel(@JsonProperty("version") int version, @JsonProperty("m") double[][] m,
        @JsonProperty("u") double[][] u, @JsonProperty("lambda") double lambda,
        @JsonProperty("trainedOn") int trainedOn, @JsonProperty("source") String source) {
    public static final int VERSION = 1;
    static final double FLOOR = 1e-5;
    /** Term-frequency adjustments are capped to this many bits either way. */
    static final double TF_CAP = 4.0;

    @JsonCreator
    public MatchModel {
        if (m.length != Field.ALL.length || u.length != Field.ALL.length) {
            throw new IllegalArgumentException("one row of m and u per field");
        }
        for (Field f : Field.ALL) {
            if (m[f.ordinal()].length != f.levelCount() || u[f.ordinal()].length != f.levelCount()) {
                throw new IllegalArgumentException("levels of " + f);
            }
        }
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1)");
        }
        m = deepCopy(m);
        u = deepCopy(u);
    }

    /** log2(m/u) of a level; 0 for a missing field. */
    public double weight(Field f, int level) {
        if (level == Field.MISSING) {
            return 0;
        }
        return log2(Math.max(m[f.ordinal()][level], FLOOR) / Math.max(u[f.ordinal()][level], FLOOR));
    }

    /** log2 of the prior odds. */
    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    /** Match probability of a total weight (prior included). */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2, -weight));
    }

    /** The weight a probability needs. */
    public static double weightFor(double probability) {
        return log2(probability / (1 - probability));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public double[][] m() {
        return deepCopy(m);
    }

    @Override
    public double[][] u() {
        return deepCopy(u);
    }

    double m(Field f, int level) {
        return m[f.ordinal()][level];
    }

    double u(Field f, int level) {
        return u[f.ordinal()][level];
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = Arrays.copyOf(a[i], a[i].length);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchModel x && x.version == version && Arrays.deepEquals(x.m, m)
                && Arrays.deepEquals(x.u, u) && x.lambda == lambda && x.trainedOn == trainedOn
                && x.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(m) * 31 + Arrays.deepHashCode(u) + Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "MatchModel[" + source + ", lambda=" + lambda + ", trainedOn=" + trainedOn + "]";
    }
}
