package org.carnet.core.dhis2;

/** The server could not be reached or stopped answering: unknown host, connection refused, timeout, dropped link. */
public final class Dhis2UnreachableException extends Dhis2Exception {
    /** Why the server is unreachable. */
    public enum Reason { UNKNOWN_HOST, REFUSED, TIMEOUT, DROPPED }

    private final Reason reason;

    public Dhis2UnreachableException(Reason reason, String host, String detail, Throwable cause) {
        super("dhis2.error.unreachable." + reason.name().toLowerCase(java.util.Locale.ROOT), detail, cause, host);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String category() {
        return "unreachable";
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
