package org.carnet.core.dhis2;

/** The server (or a proxy in front of it) failed: HTTP 5xx, after Carnet's retries. */
public final class Dhis2ServerErrorException extends Dhis2Exception {
    private final int status;
    private final String serverMessage;

    public Dhis2ServerErrorException(int status, String path, String serverMessage) {
        super("dhis2.error.server", status + " on " + path, null, status, clip(serverMessage));
        this.status = status;
        this.serverMessage = clip(serverMessage);
    }

    public int status() {
        return status;
    }

    public String serverMessage() {
        return serverMessage;
    }

    @Override
    public String category() {
        return "server_error";
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
