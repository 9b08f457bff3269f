package org.carnet.core.registry;

import java.time.Instant;
import java.util.List;
import org.carnet.core.model.Demographics;

/**
 * A person in the Master Patient Index: the lifelong MPI id, demographics, and the blocking keys under which the
 * matcher finds candidates. Stored encrypted; found through blind indexes.
 */
public record IdentityRecord(String mpiId, Demographics demographics, List<String> blockingKeys, String status,
        Instant createdAt, Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String MERGED = "merged";

    public IdentityRecord {
        blockingKeys = blockingKeys == null ? List.of() : List.copyOf(blockingKeys);
    }

    public static IdentityRecord of(String mpiId, Demographics demographics, List<String> blockingKeys) {
        return new IdentityRecord(mpiId, demographics, blockingKeys, ACTIVE, null, null);
    }

    @Override
    public String toString() {
        return "IdentityRecord[" + mpiId + ", " + status + "]";
    }
}
