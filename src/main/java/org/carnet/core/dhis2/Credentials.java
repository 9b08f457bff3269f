package org.carnet.core.dhis2;

import java.util.Arrays;
import java.util.Objects;

/**
 * How Carnet authenticates to DHIS2: a username and password (HTTP Basic, every version) or a personal access token
 * ({@code Authorization: ApiToken …}, 2.38+, 2.37 when enabled). {@link #toString()} never shows the secret.
 */
public sealed interface Credentials permits Credentials.Basic, Credentials.Token {

    /** Wipes the secret from memory. */
    void wipe();

    /** Username and password. */
    record Basic(String username, char[] password) implements Credentials {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            password = password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public void wipe() {
            Arrays.fill(password, '\0');
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Basic b && b.username.equals(username) && Arrays.equals(b.password, password);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    /** A personal access token ({@code d2pat_…}). */
    record Token(char[] token) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
            token = token.clone();
        }

        @Override
        public char[] token() {
            return token.clone();
        }

        @Override
        public void wipe() {
            Arrays.fill(token, '\0');
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Token t && Arrays.equals(t.token, token);
        }

        @Override
        public int hashCode() {
            return 1;
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }
}
