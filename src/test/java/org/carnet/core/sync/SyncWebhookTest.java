package org.carnet.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The local webhook over real HTTP on 127.0.0.1: accepted calls trigger a sync, everything else is refused with the
 * right status, calls are debounced and rate limited, bodies are capped, and the presented secret never reaches the
 * log.
 */
class SyncWebhookTest {
    private static final String SECRET = "k3y-Hook-7f2c9d1e";

    private final MoveClock clock = new MoveClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<SyncTrigger> triggers = new CopyOnWriteArrayList<>();
    /** Runs synchronously on the webhook's thread: the trigger is recorded before the answer leaves. */
    private final SyncCoordinator coordinator = new SyncCoordinator(Runnable::run, triggers::add);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private ch.qos.logback.classic.Logger logger;
    private Level previousLevel;
    private SyncWebhook hook;

    @BeforeEach
    void start() throws IOException {
        logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SyncWebhook.class);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logged.start();
        logger.addAppender(logged);
        hook = SyncWebhook.start(null, 0, SECRET.toCharArray(), coordinator, clock);
    }

    @AfterEach
    void stop() {
        hook.close();
        logger.detachAppender(logged);
        logger.setLevel(previousLevel);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + hook.port() + path);
    }

    private HttpResponse<String> send(String method, String path, String secret, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(SyncWebhook.SECRET_HEADER, secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String secret) throws IOException, InterruptedException {
        return send("POST", SyncWebhook.PATH, secret, "{\"event\":\"tracker\"}");
    }

    @Test
    void anAuthorisedPostIsAcceptedAndTriggersAWebhookSync() throws IOException, InterruptedException {
        HttpResponse<String> r = post(SECRET);
        assertEquals(202, r.statusCode());
        assertEquals("{\"status\":\"accepted\"}", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(List.of(SyncTrigger.WEBHOOK), triggers);
    }

    @Test
    void itListensOnLoopbackByDefault() {
        InetSocketAddress address = hook.address();
        assertEquals("127.0.0.1", address.getAddress().getHostAddress());
        assertTrue(hook.port() > 0, "an ephemeral port was chosen");
    }

    @Test
    void aMissingOrWrongSecretIs401AndNeverLogged() throws IOException, InterruptedException {
        String wrong = "guessed-Secret-value-123";
        for (String presented : new String[] {null, wrong, "", SECRET + "x", SECRET.substring(1),
                SECRET.toUpperCase()}) {
            HttpResponse<String> r = post(presented);
            assertEquals(401, r.statusCode(), "secret " + presented);
            assertEquals("{\"status\":\"unauthorized\"}", r.body());
        }
        assertTrue(triggers.isEmpty(), "nothing triggered");
        assertFalse(logged.list.isEmpty(), "refusals are logged");
        for (ILoggingEvent e : logged.list) {
            String line = e.getFormattedMessage();
            assertFalse(line.contains(wrong) || line.contains(SECRET) || line.contains(SECRET.toUpperCase()),
                    "secret in log: " + line);
        }
    }

    @Test
    void otherMethodsOnTheHookAre405WithAllow() throws IOException, InterruptedException {
        for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> r = send(method, SyncWebhook.PATH, SECRET, null);
            assertEquals(405, r.statusCode(), method);
            assertEquals("POST", r.headers().firstValue("Allow").orElse(""), method);
        }
        assertTrue(triggers.isEmpty());
    }

    @Test
    void otherPathsAre404() throws IOException, InterruptedException {
        for (String path : new String[] {"/", "/hooks", "/hooks/sync/extra", "/hooks/syncx", "/api/hooks/sync"}) {
            assertEquals(404, send("POST", path, SECRET, "{}").statusCode(), path);
        }
        assertEquals(404, send("GET", "/favicon.ico", null, null).statusCode());
        assertTrue(triggers.isEmpty());
    }

    @Test
    void callsWithinFiveSecondsOfTheLastAcceptedOneAreCoalesced() throws IOException, InterruptedException {
        assertEquals("{\"status\":\"accepted\"}", post(SECRET).body());
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> again = post(SECRET);
        assertEquals(202, again.statusCode());
        assertEquals("{\"status\":\"coalesced\"}", again.body());
        clock.advance(Duration.ofMillis(3_999));  // 4.999 s after the accepted call
        assertEquals("{\"status\":\"coalesced\"}", post(SECRET).body());
        assertEquals(1, triggers.size(), "coalesced calls trigger nothing");

        clock.advance(Duration.ofMillis(1));  // 5 s after the accepted call
        assertEquals("{\"status\":\"accepted\"}", post(SECRET).body());
        assertEquals(List.of(SyncTrigger.WEBHOOK, SyncTrigger.WEBHOOK), triggers);
    }

    @Test
    void moreThanThirtyRequestsAMinuteGet429WithRetryAfter() throws IOException, InterruptedException {
        for (int i = 0; i < 30; i++) {
            assertEquals(401, post("wrong-" + i).statusCode(), "request " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        HttpResponse<String> limited = post(SECRET);  // 30 requests in the last 30 s, the right secret changes nothing
        assertEquals(429, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElse(""));
        assertEquals("{\"status\":\"rate_limited\"}", limited.body());
        assertEquals(429, send("GET", "/anything", null, null).statusCode(), "every path counts");
        assertTrue(triggers.isEmpty());

        clock.advance(Duration.ofSeconds(30));  // the first request leaves the window
        assertEquals(202, post(SECRET).statusCode());
        assertEquals(List.of(SyncTrigger.WEBHOOK), triggers);
        HttpResponse<String> again = post(SECRET);  // the window is full again
        assertEquals(429, again.statusCode());
        assertEquals("1", again.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aLargeBodyIsNotReadBeyondTheCap() throws IOException, InterruptedException {
        // above the cap, but within what the JDK server drains after the handler, so that the client is not cut
        // off while it still sends (that race is what theAnswerComesWithoutWaitingForTheRestOfAHugeBody covers)
        String big = "{\"payload\":\"" + "x".repeat(SyncWebhook.MAX_BODY + 30 * 1024) + "\"}";
        HttpResponse<String> r = send("POST", SyncWebhook.PATH, SECRET, big);
        assertEquals(202, r.statusCode());
        assertEquals(List.of(SyncTrigger.WEBHOOK), triggers);
    }

    @Test
    void theAnswerComesWithoutWaitingForTheRestOfAHugeBody() throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), hook.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + SyncWebhook.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + SyncWebhook.SECRET_HEADER + ": " + SECRET + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (100L * 1024 * 1024) + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[SyncWebhook.MAX_BODY + 1024]);  // a little more than the cap, far less than announced
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("\nconnection: close"), answer);
            assertTrue(answer.endsWith("{\"status\":\"accepted\"}"), answer);
        }
        assertEquals(List.of(SyncTrigger.WEBHOOK), triggers);
    }

    /** Reads one HTTP answer: the head, then Content-Length bytes of body. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SyncWebhook.start(null, 0, new char[0], coordinator, clock));
        assertThrows(IllegalArgumentException.class, () -> SyncWebhook.start(null, 0, null, coordinator, clock));
    }

    @Test
    void afterCloseNothingListens() {
        int port = hook.port();
        hook.close();
        hook.close();  // idempotent
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
    }

    /** A clock the test moves by hand. */
    private static final class MoveClock extends Clock {
        private volatile Instant now;

        MoveClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
