package org.carnet.core.registry;

import java.time.Instant;

/**
 * One line of the append-only audit log. {@code resource} holds identifiers only; {@code reason} is free text
 * typed by an operator (masked for personal data before it is stored).
 */
public record AuditEntry(long seq, Instant at, String osUser, String channel, String action, String resource,
        String reason, String hash) {
}
