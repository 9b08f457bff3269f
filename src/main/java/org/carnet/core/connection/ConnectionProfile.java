package org.carnet.core.connection;

import java.util.List;

/**
 * A saved DHIS2 connection without its secret: the server address, how to authenticate, the certificates trusted for
 * this server (DER, base64) and what the last successful test found. Stored encrypted in the registry; the password or
 * token is a separate registry secret.
 */
public record ConnectionProfile(String id, String baseUrl, AuthMode authMode, String username,
        List<String> pinnedCertificates, List<String> authorityCertificates, String lastVersion,
        String lastServerDate, String lastUser) {

    /** Password (HTTP Basic) or personal access token. */
    public enum AuthMode { PASSWORD, TOKEN }

    public ConnectionProfile {
        pinnedCertificates = pinnedCertificates == null ? List.of() : List.copyOf(pinnedCertificates);
        authorityCertificates = authorityCertificates == null ? List.of() : List.copyOf(authorityCertificates);
    }
}
