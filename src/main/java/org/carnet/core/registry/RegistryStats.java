package org.carnet.core.registry;

import java.util.Map;

/** Counts for {@code carnet registry stats}: identities, review items, cards, and per program. */
public record RegistryStats(long identities, long reviewItems, long cards, Map<String, ProgramStats> programs) {
    /** Per-program counts. */
    public record ProgramStats(String name, long trackedEntities, long enrollments) {
    }
}
