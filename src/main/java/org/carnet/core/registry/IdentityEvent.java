package org.carnet.core.registry;

import java.time.Instant;

/**
 * One change in an identity's history: a merge (another identity linked into it, or it into another), an undone
 * merge, a separation, a correction, a forced creation. {@code reason} is what the person wrote.
 *
 * @param mergeId the merge this event is about (to undo it), null otherwise
 */
public record IdentityEvent(Instant at, String kind, String otherMpiId, String mergeId, String reason,
        boolean undone) {
    public static final String MERGED_IN = "merged_in";
    public static final String MERGED_INTO = "merged_into";

    @Override
    public String toString() {
        return "IdentityEvent[" + kind + ", " + at + "]";
    }
}
