package org.carnet.core.mpi;

import java.util.List;

/**
 * A scored pair and why: the prior, then per field the level reached, its weight log2(m/u) and the
 * term-frequency adjustment (a waterfall). Holds no personal value.
 *
 * @param swapped true when first and last names were compared crosswise
 */
public record PairScore(double probability, double weight, double priorWeight, boolean swapped,
        List<FieldScore> fields) {
    public PairScore {
        fields = List.copyOf(fields);
    }

    /** One field's part of the weight. */
    public record FieldScore(Field field, String level, double weight, double tfAdjustment) {
    }
}
