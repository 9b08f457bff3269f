package org.carnet.core.dhis2;

/** The server answered with something Carnet cannot read: invalid or truncated JSON, or an unexpected shape. */
public final class Dhis2MalformedReplyException extends Dhis2Exception {
    public Dhis2MalformedReplyException(String path, String detail, Throwable cause) {
        super("dhis2.error.malformed", detail + " (" + path + ")", cause, path);
    }

    @Override
    public String category() {
        return "malformed_reply";
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
