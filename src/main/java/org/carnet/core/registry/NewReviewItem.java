package org.carnet.core.registry;

/**
 * A probable duplicate for a human to decide: two identities, their match probability and an explanation document
 * (comparison levels and weights, never a personal value), stored encrypted.
 */
public record NewReviewItem(String mpiIdA, String mpiIdB, double score, String explanation) {
    @Override
    public String toString() {
        return "NewReviewItem[" + mpiIdA + ", " + mpiIdB + ", " + score + "]";
    }
}
