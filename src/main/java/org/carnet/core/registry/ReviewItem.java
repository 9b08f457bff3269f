package org.carnet.core.registry;

import java.time.Instant;

/**
 * A probable duplicate waiting for (or given) a person's decision. {@code explanation} is the engine's JSON document
 * (comparison levels and weights, no personal value).
 *
 * @param status {@code pending}, {@code deferred}, {@code linked} or {@code separated}
 */
public record ReviewItem(String id, String mpiIdA, String mpiIdB, double score, String explanation, String status,
        Instant createdAt, Instant decidedAt) {
    public static final String PENDING = "pending";
    public static final String DEFERRED = "deferred";
    public static final String LINKED = "linked";
    public static final String SEPARATED = "separated";

    @Override
    public String toString() {
        return "ReviewItem[" + id + ", " + status + "]";
    }
}
