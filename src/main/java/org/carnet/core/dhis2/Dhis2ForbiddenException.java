package org.carnet.core.dhis2;

/** The user is authenticated but may not read this resource (HTTP 403): missing authority or program access. */
public final class Dhis2ForbiddenException extends Dhis2Exception {
    private final String serverMessage;

    public Dhis2ForbiddenException(String path, String serverMessage) {
        super("dhis2.error.forbidden", "403 on " + path, null, clip(serverMessage));
        this.serverMessage = clip(serverMessage);
    }

    public String serverMessage() {
        return serverMessage;
    }

    @Override
    public String category() {
        return "forbidden";
    }
}
