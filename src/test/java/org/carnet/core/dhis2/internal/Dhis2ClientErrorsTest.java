package org.carnet.core.dhis2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.carnet.core.common.Messages;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2AuthenticationException.Reason;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2ForbiddenException;
import org.carnet.core.dhis2.Dhis2MalformedReplyException;
import org.carnet.core.dhis2.Dhis2NotDhis2Exception;
import org.carnet.core.dhis2.Dhis2RequestRejectedException;
import org.carnet.core.dhis2.Dhis2ServerErrorException;
import org.carnet.core.dhis2.Dhis2UnreachableException;
import org.carnet.core.dhis2.Dhis2UnsupportedVersionException;
import org.carnet.core.dhis2.DownloadRequest;
import org.junit.jupiter.api.Test;

/** Every error category, retries with back-off, smaller pages after gateway timeouts, and the read-only guard. */
class Dhis2ClientErrorsTest {
    static final String PROGRAM = Dhis2ClientContractTest.PROGRAM;
    final List<Duration> sleeps = new ArrayList<>();

    HttpDhis2Client client(FixtureServer s, Credentials c) throws Exception {
        return new HttpDhis2Client(ConnectionSettings.of(s.url(), c).withRetries(3, Duration.ofMillis(100))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)), sleeps::add);
    }

    HttpDhis2Client client(FixtureServer s) throws Exception {
        return client(s, Dhis2ClientContractTest.basic());
    }

    static MockResponse webMessage(String file) {
        return FixtureServer.json(401, FixtureServer.fixture(file));
    }

    static MockResponse message(int code, String message) {
        return FixtureServer.json(code, Map.of("httpStatus", "x", "httpStatusCode", code, "status", "ERROR",
                "message", message));
    }

    Dhis2AuthenticationException authFailure(MockResponse answer) throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue("system/info", answer);
            Dhis2AuthenticationException e = assertThrows(Dhis2AuthenticationException.class, c::testConnection);
            assertEquals(1, s.requests.size(), "a 401 is never retried (account lockout)");
            assertTrue(sleeps.isEmpty());
            return e;
        }
    }

    @Test
    void authenticationFailuresSayWhy() throws Exception {
        assertEquals(Reason.WRONG_CREDENTIALS, authFailure(webMessage("errors/401-unauthorized.json")).reason());
        Dhis2AuthenticationException disabled = authFailure(webMessage("errors/401-account-disabled.json"));
        assertEquals(Reason.DISABLED, disabled.reason());
        assertEquals("Account disabled", disabled.serverMessage());
        assertEquals(Reason.LOCKED, authFailure(message(401, "Account locked")).reason());
        assertEquals(Reason.TOKEN_EXPIRED,
                authFailure(message(401, "Failed to authenticate API token, token has expired.")).reason());
        assertEquals(Reason.TOKEN_REFUSED,
                authFailure(message(401, "The API token is disabled, locked or 2FA is enabled.")).reason());
        assertEquals(Reason.TWO_FACTOR, authFailure(message(401,
                "User has 2FA enabled, but attempted to authenticate with a non-form based login method")).reason());
        assertEquals(Reason.NOT_AUTHENTICATED, authFailure(new MockResponse.Builder().code(302)
                .addHeader("Location", "http://127.0.0.1/dhis-web-login/").build()).reason());
    }

    @Test
    void wrongPasswordAgainstTheServerIsAuthenticationFailed() throws Exception {
        try (FixtureServer s = new FixtureServer("2.40.4.1");
                HttpDhis2Client c = client(s, new Credentials.Basic("admin", "wrong".toCharArray()))) {
            Dhis2AuthenticationException e = assertThrows(Dhis2AuthenticationException.class, c::testConnection);
            assertEquals(Reason.WRONG_CREDENTIALS, e.reason());
            assertEquals("authentication_failed", e.category());
            String text = Messages.get(java.util.Locale.FRENCH, e.messageKey(), e.args());
            assertTrue(text.contains("Unauthorized"), text);
        }
    }

    @Test
    void forbiddenUnsupportedAndNotDhis2() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue("me", message(403, "You don't have the proper permissions to read objects of this type."));
            assertThrows(Dhis2ForbiddenException.class, c::testConnection);
        }
        try (FixtureServer s = new FixtureServer("2.35.4"); HttpDhis2Client c = client(s)) {
            Dhis2UnsupportedVersionException e = assertThrows(Dhis2UnsupportedVersionException.class,
                    c::testConnection);
            assertEquals("2.35.4", e.version());
        }
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue("system/info", FixtureServer.html(200, "<html><title>Wi-Fi login</title></html>"));
            assertThrows(Dhis2NotDhis2Exception.class, c::testConnection);
            s.enqueue("system/info", FixtureServer.json(200, Map.of("name", "some other API")));
            assertThrows(Dhis2NotDhis2Exception.class, c::testConnection);
            s.enqueue("system/info", FixtureServer.html(404, "<html>Not Found</html>"));
            assertThrows(Dhis2NotDhis2Exception.class, c::testConnection);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            MockResponse e500 = FixtureServer.json(500, FixtureServer.fixture("errors/500-server-error.json"));
            s.enqueue("system/info", e500, e500, e500, e500);
            Dhis2ServerErrorException e = assertThrows(Dhis2ServerErrorException.class, c::serverInfo);
            assertEquals(500, e.status());
            assertEquals(4, s.requests.size(), "first try and 3 retries");
            assertEquals(3, sleeps.size());
            assertTrue(sleeps.get(0).toMillis() >= 50 && sleeps.get(0).toMillis() <= 100, "jittered " + sleeps);
            assertTrue(sleeps.get(2).toMillis() >= 200 && sleeps.get(2).toMillis() <= 400, "exponential " + sleeps);
        }
    }

    @Test
    void gatewayTimeoutsShrinkThePageWithoutSkippingRows() throws Exception {
        try (FixtureServer s = new FixtureServer("2.40.4.1"); HttpDhis2Client c = client(s)) {
            s.entityCount.put(PROGRAM, 250);
            List<String> uids = new ArrayList<>();
            c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> e.forEach(t -> uids.add(t.uid())));
            // now again with a 504 on the second page
            s.requests.clear();
            uids.clear();
            MockResponse gateway = FixtureServer.html(504, "<html><center>504 Gateway Time-out</center></html>");
            HttpDhis2Client slow = client(s);
            List<RecordedPage> seen = new ArrayList<>();
            int[] calls = {0};
            s.entityCount.put(PROGRAM, 250);
            slow.download(DownloadRequest.full(PROGRAM), (p, e, x) -> {
                calls[0]++;
                if (calls[0] == 1) {
                    s.enqueue("tracker/trackedEntities", gateway);
                }
                e.forEach(t -> uids.add(t.uid()));
                seen.add(new RecordedPage(p, e.size()));
            });
            assertEquals(250, uids.size());
            assertEquals(250, new java.util.HashSet<>(uids).size());
            List<String> sizes = s.requestsTo("tracker/trackedEntities").stream()
                    .map(r -> r.getUrl().queryParameter("pageSize") + "@" + r.getUrl().queryParameter("page")).toList();
            assertEquals(List.of("100@1", "100@2", "50@3", "50@4", "50@5"), sizes, "page 2 retried at 50 rows from row 100");
            slow.close();
        }
    }

    record RecordedPage(int page, int size) {
    }

    @Test
    void truncatedAndDroppedRepliesAreRetriedAndInvalidJsonIsMalformed() throws Exception {
        try (FixtureServer s = new FixtureServer("2.42.1"); HttpDhis2Client c = client(s)) {
            s.entityCount.put(PROGRAM, 120);
            String full = FixtureServer.JSON.writeValueAsString(s.trackerPage(
                    okhttp3.HttpUrl.get(s.url() + "api/tracker/trackedEntities?program=" + PROGRAM
                            + "&page=1&pageSize=100"), false));
            s.enqueue("tracker/trackedEntities", FixtureServer.json(200, full.substring(0, full.length() / 2)));
            s.enqueue("tracker/trackedEntities", new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json").body(full)
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
            List<String> uids = new ArrayList<>();
            c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> e.forEach(t -> uids.add(t.uid())));
            assertEquals(120, uids.size());
            assertEquals(2, sleeps.size(), "one retry for the truncated page, one for the dropped connection");

            MockResponse cut = FixtureServer.json(200, full.substring(0, 200));
            s.enqueue("tracker/trackedEntities", cut, cut, cut, cut);
            Dhis2MalformedReplyException truncated = assertThrows(Dhis2MalformedReplyException.class,
                    () -> c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> { }));
            assertEquals("malformed_reply", truncated.category());

            s.enqueue("tracker/trackedEntities", FixtureServer.json(200, "{\"trackedEntities\": [ {\"trackedEntity\": ]}"));
            assertThrows(Dhis2MalformedReplyException.class,
                    () -> c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> { }));
            s.enqueue("tracker/trackedEntities", FixtureServer.json(200, "{\"something\": 1}"));
            assertThrows(Dhis2MalformedReplyException.class,
                    () -> c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> { }));
        }
    }

    @Test
    void queryErrorsCarryTheServersMessage() throws Exception {
        try (FixtureServer s = new FixtureServer("2.42.1"); HttpDhis2Client c = client(s)) {
            s.entityCount.put(PROGRAM, 10);
            s.enqueue("tracker/trackedEntities", message(400,
                    "Invalid page size: 900000. It must not exceed the system limit of KeyTrackedEntityMaxLimit 50000."));
            Dhis2RequestRejectedException e = assertThrows(Dhis2RequestRejectedException.class,
                    () -> c.download(DownloadRequest.full(PROGRAM), (p, x, y) -> { }));
            assertEquals(400, e.status());
            assertTrue(e.serverMessage().contains("KeyTrackedEntityMaxLimit"));
        }
    }

    @Test
    void timeoutsAreRetriedThenReportedAsUnreachable() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            MockResponse slow = new MockResponse.Builder(FixtureServer.json(200, s.systemInfo()))
                    .headersDelay(3, TimeUnit.SECONDS).build();
            s.enqueue("system/info", slow, slow, slow, slow);
            Dhis2UnreachableException e = assertThrows(Dhis2UnreachableException.class, c::serverInfo);
            assertEquals(Dhis2UnreachableException.Reason.TIMEOUT, e.reason());
            assertEquals(3, sleeps.size());
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (HttpDhis2Client c = new HttpDhis2Client(ConnectionSettings.of("http://127.0.0.1:" + port + "/dhis/",
                Dhis2ClientContractTest.basic()), sleeps::add)) {
            Dhis2UnreachableException e = assertThrows(Dhis2UnreachableException.class, c::testConnection);
            assertEquals(Dhis2UnreachableException.Reason.REFUSED, e.reason());
            assertTrue(e.transientFailure());
            assertTrue(sleeps.isEmpty(), "a server never reached is reported at once");
        }
    }

    @Test
    void noRequestOtherThanGetOrHeadEverLeaves() throws Exception {
        try (FixtureServer s = new FixtureServer("2.43.0"); HttpDhis2Client c = client(s)) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                Request r = new Request.Builder().url(s.url() + "api/tracker/ownership/override")
                        .method(method, RequestBody.create(new byte[0], null)).build();
                var e = assertThrows(ReadOnlyGuard.ReadOnlyViolationException.class,
                        () -> c.transport().http().newCall(r).execute().close());
                assertTrue(e.getMessage().contains(method));
            }
            assertEquals(0, s.server.getRequestCount(), "nothing reached the server");
            c.transport().http().newCall(new Request.Builder().url(s.url() + "api/system/info").head().build())
                    .execute().close();
            assertEquals(1, s.server.getRequestCount(), "HEAD is allowed");
        }
    }

    @Test
    void everyCategoryHasEnglishAndFrenchMessages() throws Exception {
        List<Dhis2Exception> all = List.of(
                new Dhis2UnreachableException(Dhis2UnreachableException.Reason.UNKNOWN_HOST, "h", "d", null),
                new Dhis2UnreachableException(Dhis2UnreachableException.Reason.REFUSED, "h", "d", null),
                new Dhis2UnreachableException(Dhis2UnreachableException.Reason.TIMEOUT, "h", "d", null),
                new Dhis2UnreachableException(Dhis2UnreachableException.Reason.DROPPED, "h", "d", null),
                new org.carnet.core.dhis2.Dhis2TlsException(org.carnet.core.dhis2.Dhis2TlsException.Reason.UNTRUSTED,
                        "h", null, "d", null),
                new org.carnet.core.dhis2.Dhis2TlsException(
                        org.carnet.core.dhis2.Dhis2TlsException.Reason.HOSTNAME_MISMATCH, "h", null, "d", null),
                new org.carnet.core.dhis2.Dhis2TlsException(org.carnet.core.dhis2.Dhis2TlsException.Reason.HANDSHAKE,
                        "h", null, "d", null),
                new Dhis2ForbiddenException("/api/me", "no"), new Dhis2UnsupportedVersionException("2.30"),
                new Dhis2NotDhis2Exception("http://x", "d"), new Dhis2ServerErrorException(502, "/p", ""),
                new Dhis2MalformedReplyException("/p", "d", null), new Dhis2RequestRejectedException(409, "/p", "m"),
                new org.carnet.core.dhis2.Dhis2CancelledException(),
                new org.carnet.core.dhis2.Dhis2InvalidUrlException("x"));
        List<Dhis2Exception> withAuth = new ArrayList<>(all);
        for (Reason r : Reason.values()) {
            withAuth.add(new Dhis2AuthenticationException(r, "msg", "d"));
        }
        for (Dhis2Exception e : withAuth) {
            for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.FRENCH)) {
                String text = Messages.get(l, e.messageKey(), e.args());
                assertTrue(!text.equals(e.messageKey()) && !text.contains("{"), l + " " + e.messageKey() + ": " + text);
            }
        }
    }
}
