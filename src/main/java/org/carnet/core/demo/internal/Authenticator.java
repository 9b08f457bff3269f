package org.carnet.core.demo.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.carnet.core.demo.DemoAccount;
import org.carnet.core.demo.DemoCredentials;

/**
 * DHIS2's authentication as the client sees it: Basic on every release, personal access tokens from 2.38 (checksum
 * checked from 2.41), a {@code JSESSIONID} session after a successful Basic login, 401 WebMessages with the
 * release's texts, and a 302 to the login page for browser-like requests without credentials.
 */
final class Authenticator {
    /** The outcome: either a signed-in user (with a cookie to set) or the answer to send instead. */
    record Outcome(String username, String setCookie, Response failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private static final String COOKIE = "JSESSIONID";
    private static final int MAX_SESSIONS = 10_000;

    private final VersionRules rules;
    private final Map<String, DemoAccount> accounts = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final String expiredToken;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> sessions = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });

    Authenticator(VersionRules rules, long seed, List<DemoAccount> accounts) {
        this.rules = rules;
        for (DemoAccount a : accounts) {
            this.accounts.put(a.username(), a);
            tokens.put(Tokens.personalAccessToken(seed, a.username(), "pat"), a.username());
        }
        this.expiredToken = Tokens.personalAccessToken(seed, accounts.get(0).username(), "expired");
    }

    String tokenOf(String username) {
        return tokens.entrySet().stream().filter(e -> e.getValue().equals(username)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no account " + username));
    }

    String expiredToken() {
        return expiredToken;
    }

    void expireSessions() {
        sessions.clear();
    }

    static DemoCredentials credentialsOf(ApiRequest req) {
        String auth = req.header("Authorization");
        if (auth != null) {
            String lower = auth.toLowerCase(Locale.ROOT);
            if (lower.startsWith("basic ")) {
                return DemoCredentials.BASIC;
            }
            return lower.startsWith("apitoken") ? DemoCredentials.API_TOKEN : DemoCredentials.OTHER;
        }
        return sessionId(req) != null ? DemoCredentials.SESSION : DemoCredentials.NONE;
    }

    Outcome authenticate(ApiRequest req) {
        String auth = req.header("Authorization");
        String lower = auth == null ? "" : auth.toLowerCase(Locale.ROOT);
        if (lower.startsWith("basic ")) {
            return basic(req, auth.substring(6).strip());
        }
        if (lower.startsWith("apitoken") && rules.acceptsApiTokens()) {
            return apiToken(auth);
        }
        if (auth == null) {
            String user = sessionUser(req);
            if (user != null) {
                return new Outcome(user, null, null);
            }
        }
        return unauthenticated(req);
    }

    private Outcome basic(ApiRequest req, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fail("Unauthorized");
        }
        int colon = decoded.indexOf(':');
        DemoAccount a = colon < 0 ? null : accounts.get(decoded.substring(0, colon));
        if (a == null || !a.password().equals(decoded.substring(colon + 1))) {
            return fail("Unauthorized");
        }
        switch (a.status()) {
            case LOCKED:
                return fail("Account locked");
            case DISABLED:
                return fail(rules.reportsDisabledAccount() ? "Account disabled" : "Unauthorized");
            case TWO_FACTOR:
                return fail("Unauthorized");
            default:
                break;
        }
        String existing = sessionUser(req);
        if (a.username().equals(existing)) {
            return new Outcome(a.username(), null, null);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String session = HexFormat.of().withUpperCase().formatHex(id);
        sessions.put(session, a.username());
        return new Outcome(a.username(), COOKIE + "=" + session + "; Path=/; HttpOnly", null);
    }

    private Outcome apiToken(String header) {
        Matcher m = Tokens.HEADER.matcher(header);
        if (!m.matches()) {
            return fail(401, "Api token is malformed");
        }
        String token = m.group("token");
        if (rules.validatesTokenChecksum() && !Tokens.checksumValid(token)) {
            return fail(400, "Checksum validation failed");
        }
        if (token.equals(expiredToken)) {
            return fail(401, "Failed to authenticate API token, token has expired.");
        }
        String owner = tokens.get(token);
        if (owner == null) {
            return fail(401, rules.minor() >= 42 ? "The API token does not exists" : "The API token does not exists.");
        }
        if (accounts.get(owner).status() != DemoAccount.Status.ACTIVE) {
            return fail(401, "The API token is disabled, locked or 2FA is enabled.");
        }
        return new Outcome(owner, null, null);
    }

    /** Without credentials: 401 JSON for API clients, 302 to the login page for browser-like requests. */
    private Outcome unauthenticated(ApiRequest req) {
        if ("XMLHttpRequest".equalsIgnoreCase(req.header("X-Requested-With")) || req.header("Authorization") != null) {
            return fail("Unauthorized");
        }
        return new Outcome(null, null, Response.empty(302).header("Location", req.baseUrl() + rules.loginPath()));
    }

    private String sessionUser(ApiRequest req) {
        String id = sessionId(req);
        return id == null ? null : sessions.get(id);
    }

    private static String sessionId(ApiRequest req) {
        List<String> cookies = req.headers().get("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String header : cookies) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Outcome fail(String message) {
        return fail(401, message);
    }

    private static Outcome fail(int status, String message) {
        return new Outcome(null, null, Pages.webMessage(status, message, null));
    }
}
