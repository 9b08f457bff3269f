package org.carnet.core.dhis2;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a {@link Dhis2Client} needs to talk to one server. Defaults follow {@code ../docs/dhis2-api.md} §10.15:
 * connect 15 s, read 120 s, pages of 100 (at most 200), 3 retries with exponential back-off.
 */
public record ConnectionSettings(URI baseUrl, Credentials credentials, ServerTrust trust, Duration connectTimeout,
        Duration readTimeout, int pageSize, int maxRetries, Duration retryBaseDelay) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MIN_PAGE_SIZE = 10;

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        trust = trust == null ? ServerTrust.SYSTEM : trust;
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be " + MIN_PAGE_SIZE + ".." + MAX_PAGE_SIZE);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0");
        }
    }

    /** Settings with the defaults for {@code url} (normalised by {@link #normalizeUrl(String)}). */
    public static ConnectionSettings of(String url, Credentials credentials) throws Dhis2InvalidUrlException {
        return new ConnectionSettings(normalizeUrl(url), credentials, ServerTrust.SYSTEM, Duration.ofSeconds(15),
                Duration.ofSeconds(120), DEFAULT_PAGE_SIZE, 3, Duration.ofMillis(500));
    }

    public ConnectionSettings withTrust(ServerTrust t) {
        return new ConnectionSettings(baseUrl, credentials, t, connectTimeout, readTimeout, pageSize, maxRetries,
                retryBaseDelay);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(baseUrl, credentials, trust, connect, read, pageSize, maxRetries, retryBaseDelay);
    }

    public ConnectionSettings withPageSize(int size) {
        return new ConnectionSettings(baseUrl, credentials, trust, connectTimeout, readTimeout, size, maxRetries,
                retryBaseDelay);
    }

    public ConnectionSettings withRetries(int retries, Duration baseDelay) {
        return new ConnectionSettings(baseUrl, credentials, trust, connectTimeout, readTimeout, pageSize, retries,
                baseDelay);
    }

    /** The host name, for messages. */
    public String host() {
        return baseUrl.getHost();
    }

    /**
     * Turns what a person typed into the server's base URL: trims, adds nothing, removes a trailing slash and a trailing
     * {@code /api} (people paste API links), rejects anything that is not http(s) with a host, and drops any
     * {@code user:password@} part, query or fragment.
     */
    public static URI normalizeUrl(String typed) throws Dhis2InvalidUrlException {
        if (typed == null || typed.isBlank()) {
            throw new Dhis2InvalidUrlException("");
        }
        String s = typed.strip();
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new Dhis2InvalidUrlException(safe(s));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Dhis2InvalidUrlException(safe(s));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.toLowerCase(Locale.ROOT).endsWith("/api")) {
            path = path.substring(0, path.length() - 4);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + host.toLowerCase(Locale.ROOT) + port + path);
    }

    private static String safe(String typed) {
        return typed.replaceAll("//[^/@\\s]*@", "//").replaceAll("[\\r\\n]", " ");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + ", " + credentials + ", pageSize=" + pageSize + "]";
    }
}
