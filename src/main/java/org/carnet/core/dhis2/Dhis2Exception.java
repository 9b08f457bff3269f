package org.carnet.core.dhis2;

import org.carnet.core.common.AppException;

/**
 * Base of every failure talking to DHIS2. Each category is its own subtype with a translated message
 * ({@link #messageKey()}); the technical detail (for the log) names status codes and paths, never personal values.
 */
public abstract class Dhis2Exception extends AppException {
    /** Longest server message kept (DHIS2 messages are short; proxies can answer whole pages). */
    static final int MAX_SERVER_MESSAGE = 300;

    protected Dhis2Exception(String messageKey, String detail, Throwable cause, Object... args) {
        super(messageKey, detail, cause, args);
    }

    /** A stable category name for reports and JSON output, for example {@code authentication_failed}. */
    public abstract String category();

    /** Whether trying the same request again later could succeed without the user changing anything. */
    public boolean transientFailure() {
        return false;
    }

    static String clip(String serverMessage) {
        if (serverMessage == null) {
            return "";
        }
        String s = serverMessage.strip().replaceAll("\\s+", " ");
        return s.length() <= MAX_SERVER_MESSAGE ? s : s.substring(0, MAX_SERVER_MESSAGE) + "…";
    }
}
