package org.carnet.core.dhis2;

/** A failure DHIS2 (or a proxy) answered with an HTTP status and, often, a message of its own. */
public abstract class Dhis2StatusException extends Dhis2Exception {
    private final int status;
    private final String serverMessage;

    protected Dhis2StatusException(String messageKey, int status, String path, String serverMessage) {
        super(messageKey, status + " on " + path, null, status, clip(serverMessage));
        this.status = status;
        this.serverMessage = clip(serverMessage);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The server's own message, clipped; empty when there was none. */
    public String serverMessage() {
        return serverMessage;
    }
}
