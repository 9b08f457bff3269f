package org.carnet.core.dhis2;

/** The server (or a proxy in front of it) failed: HTTP 5xx, after Carnet's retries. */
public final class Dhis2ServerErrorException extends Dhis2StatusException {
    public Dhis2ServerErrorException(int status, String path, String serverMessage) {
        super("dhis2.error.server", status, path, serverMessage);
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
