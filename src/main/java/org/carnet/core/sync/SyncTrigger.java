package org.carnet.core.sync;

/**
 * What started a sync: the operator, the schedule, a call on the local webhook, or a reconciliation pass. The label
 * shown to the user is the bundle key {@link #messageKey()}.
 */
public enum SyncTrigger {
    /** The operator pressed “Sync now” (window) or ran the sync command. */
    MANUAL,
    /** The {@link SyncScheduler} fired after its interval. */
    SCHEDULED,
    /** A call on the local {@link SyncWebhook}, typically a DHIS2 event hook. */
    WEBHOOK,
    /** A reconciliation pass that re-reads the server to catch what incremental runs missed. */
    RECONCILIATION;

    /** Key of this trigger’s label in the {@code messages} bundle, for example {@code sync.trigger.MANUAL}. */
    public String messageKey() {
        return "sync.trigger." + name();
    }
}
