package org.carnet.core.sync;

import java.util.List;

/**
 * How syncs are triggered, kept (encrypted) in the registry so that the window and {@code carnet daemon} share them.
 *
 * @param programs        the programs every trigger syncs (empty: every saved program)
 * @param intervalMinutes the schedule (one of {@link SyncScheduler#INTERVALS}), 0 when off
 * @param webhookEnabled  whether the local webhook listens
 * @param webhookPort     its port
 * @param webhookLan      whether it listens on every interface instead of 127.0.0.1 only
 * @param reconcileHours  how often a scheduled run is a full run that reconciles (0: never)
 */
public record SyncSettings(List<String> programs, int intervalMinutes, boolean webhookEnabled, int webhookPort,
        boolean webhookLan, int reconcileHours) {
    public static final int DEFAULT_PORT = 8765;
    public static final SyncSettings DEFAULTS = new SyncSettings(List.of(), 0, false, DEFAULT_PORT, false, 24);

    public SyncSettings {
        programs = programs == null ? List.of() : List.copyOf(programs);
        if (intervalMinutes != 0 && !SyncScheduler.INTERVALS.contains(intervalMinutes)) {
            throw new IllegalArgumentException("interval must be 0 or one of " + SyncScheduler.INTERVALS);
        }
        webhookPort = webhookPort <= 0 || webhookPort > 65535 ? DEFAULT_PORT : webhookPort;
        reconcileHours = Math.max(0, reconcileHours);
    }
}
