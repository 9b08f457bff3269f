package org.carnet.core.dhis2;

/**
 * DHIS2 refused the credentials (HTTP 401, or a redirect to its login page). Never retried automatically: DHIS2 locks
 * an account for 15 minutes after repeated failures.
 */
public final class Dhis2AuthenticationException extends Dhis2Exception {
    /** What the server's answer says about the refusal. */
    public enum Reason {
        /** Wrong username or password (also what DHIS2 answers for 2FA accounts and, before 2.38, disabled ones). */
        WRONG_CREDENTIALS,
        LOCKED,
        DISABLED,
        /** The account or its password has expired. */
        ACCOUNT_EXPIRED,
        TWO_FACTOR,
        TOKEN_EXPIRED,
        /** The token's owner is disabled, locked or uses 2FA. */
        TOKEN_REFUSED,
        /** Wrong, malformed or unknown token; or tokens not enabled on this server (2.36, 2.37 by default). */
        TOKEN_INVALID,
        /** A redirect to the login page: the session expired or the request carried no valid credentials. */
        NOT_AUTHENTICATED
    }

    private final Reason reason;
    private final String serverMessage;

    public Dhis2AuthenticationException(Reason reason, String serverMessage, String detail) {
        super("dhis2.error.auth." + reason.name().toLowerCase(java.util.Locale.ROOT), detail, null, clip(serverMessage));
        this.reason = reason;
        this.serverMessage = clip(serverMessage);
    }

    public Reason reason() {
        return reason;
    }

    /** The server's own message, for example {@code Account locked}; empty when there was none. */
    public String serverMessage() {
        return serverMessage;
    }

    @Override
    public String category() {
        return "authentication_failed";
    }
}
