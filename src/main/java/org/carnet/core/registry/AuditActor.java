package org.carnet.core.registry;

/** Who did something: the operating-system user and the channel it came through. */
public record AuditActor(String osUser, Channel channel) {
    /** Where an action came from. */
    public enum Channel { GUI, CLI, SCHEDULER, WEBHOOK, SYSTEM }

    public static AuditActor current(Channel channel) {
        String user = System.getProperty("user.name");
        return new AuditActor(user == null || user.isBlank() ? "unknown" : user, channel);
    }
}
