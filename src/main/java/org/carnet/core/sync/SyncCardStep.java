package org.carnet.core.sync;

import java.util.Set;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;

/**
 * The last step of a sync run that reached the registry: generate the cards of the enrollments the run created or
 * changed (cards from sync). Runs on the sync's thread, before the run is recorded, so the run record says how many
 * cards were made. Never throws: a failure is an outcome, the sync itself stands.
 */
@FunctionalInterface
public interface SyncCardStep {
    /**
     * @param cards    cards generated ({@link SyncRun#NO_CARDS} when the programme does not generate cards from sync)
     * @param errorKey the message key of a failure, else null
     */
    record Outcome(long cards, String errorKey) {
        public static final Outcome OFF = new Outcome(SyncRun.NO_CARDS, null);
    }

    Outcome afterSync(String programUid, Set<String> changedEnrollmentUids, ProgressSink progress,
            Cancellation cancel);
}
