package org.carnet.core.demo.internal;

/** A DHIS2 error answer: the status and the WebMessage text (and error code) a real server would send. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    ApiException(int status, String message, String errorCode) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
