package org.carnet.core.demo;

import java.util.Objects;

/**
 * An extra user of the demo server, for authentication tests. Extra accounts share the demo user's org units,
 * programs and authorities; each also owns a personal access token ({@link DemoServer#tokenFor(String)}).
 *
 * @param username login name
 * @param password password for Basic authentication
 * @param status   what DHIS2 says when this user signs in
 */
public record DemoAccount(String username, String password, Status status) {
    /** The account states DHIS2 reports differently. */
    public enum Status {
        /** Signs in normally. */
        ACTIVE,
        /** Basic auth answers 401 "Account locked"; its tokens are refused. */
        LOCKED,
        /** Basic auth answers 401 "Account disabled" (2.38+) or "Unauthorized" (2.36, 2.37); tokens refused. */
        DISABLED,
        /** Two-factor authentication enabled: Basic auth and tokens answer 401. */
        TWO_FACTOR
    }

    public DemoAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(status, "status");
        if (username.isBlank() || username.contains(":")) {
            throw new IllegalArgumentException("invalid username");
        }
    }

    /** An account that is locked after too many failed logins. */
    public static DemoAccount locked(String username, String password) {
        return new DemoAccount(username, password, Status.LOCKED);
    }

    /** A disabled account. */
    public static DemoAccount disabled(String username, String password) {
        return new DemoAccount(username, password, Status.DISABLED);
    }

    /** An account with two-factor authentication enabled. */
    public static DemoAccount twoFactor(String username, String password) {
        return new DemoAccount(username, password, Status.TWO_FACTOR);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "DemoAccount[" + username + ", " + status + "]";
    }
}
