package org.carnet.core.dhis2;

/**
 * DHIS2 refused the query itself (HTTP 400, 404 or 409 with a message), for example an unknown program, a search
 * scope limit or a page size above the server's limit.
 */
public final class Dhis2RequestRejectedException extends Dhis2StatusException {
    public Dhis2RequestRejectedException(int status, String path, String serverMessage) {
        super("dhis2.error.rejected", status, path, serverMessage);
    }

    @Override
    public String category() {
        return "request_rejected";
    }
}
