package org.carnet.core.cards;

import java.time.Clock;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.Registry;

/** Test fixture: leaves a generation job interrupted as a crash would (for the tests of other packages). */
public final class InterruptedJobs {
    private InterruptedJobs() {
    }

    /** Runs {@code request} in parts of {@code part} cards and "crashes" after {@code cards} cards. */
    public static void interrupt(Registry registry, GenerationRequest request, int part, int cards) throws Exception {
        try {
            new GenerationJob(registry, Clock.systemUTC()).withPartSizes(part, part).crashAfter(cards)
                    .run(request, ProgressSink.NONE, Cancellation.none());
            throw new AssertionError("the job ended before the crash");
        } catch (GenerationJob.SimulatedCrash expected) {
            // the job is now pending, as after a crash
        }
    }
}
