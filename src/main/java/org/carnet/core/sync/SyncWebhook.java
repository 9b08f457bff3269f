package org.carnet.core.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local webhook that lets DHIS2 (an event hook) or a script trigger a sync: {@code POST /hooks/sync} with the
 * shared secret in the {@code X-Carnet-Secret} header answers 202 and asks the {@link SyncCoordinator} for a
 * {@link SyncTrigger#WEBHOOK} run.
 *
 * <ul>
 *   <li>Debounced: a call within {@link #DEBOUNCE} of the previous accepted one answers 202 {@code coalesced} and
 *       triggers nothing more (the coordinator coalesces runs as well).</li>
 *   <li>Rate limited: at most {@link #RATE_LIMIT} requests (any path, wrong secrets included) are served in any
 *       {@link #RATE_WINDOW}; the others get 429 with {@code Retry-After}.</li>
 *   <li>Missing or wrong secret: 401; the comparison is constant-time and the presented value is never logged.</li>
 *   <li>Other paths: 404; other methods on the hook: 405 with {@code Allow: POST}.</li>
 *   <li>Request bodies (DHIS2 sends a JSON payload) are ignored: at most {@link #MAX_BODY} bytes are read; a longer
 *       body is answered with {@code Connection: close} and the connection is closed once the JDK server has
 *       discarded what it drains by itself (64 KiB by default), never the whole announced length.</li>
 * </ul>
 *
 * Binds 127.0.0.1 unless the caller passes another address (a LAN address, to reach it from the DHIS2 server).
 * Served by a small pool of daemon threads named {@code sync-webhook-N}. Logs statuses and remote addresses only.
 */
public final class SyncWebhook implements AutoCloseable {
    /** The path of the hook. */
    public static final String PATH = "/hooks/sync";
    /** The request header that carries the shared secret. */
    public static final String SECRET_HEADER = "X-Carnet-Secret";
    /** Calls closer than this to the previous accepted one trigger nothing more. */
    public static final Duration DEBOUNCE = Duration.ofSeconds(5);
    /** Requests served per {@link #RATE_WINDOW}. */
    public static final int RATE_LIMIT = 30;
    /** The sliding window of the rate limit. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
    /** Bytes of a request body read at most. */
    public static final int MAX_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SyncWebhook.class);
    private static final int THREADS = 2;
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SyncCoordinator coordinator;
    private final Clock clock;
    /** SHA-256 of the secret's UTF-8 bytes: comparing digests hides the secret's length too. */
    private final byte[] secretDigest;

    private final Object lock = new Object();
    /** Times of the requests served in the current window, oldest first (at most {@link #RATE_LIMIT}). */
    private final Deque<Instant> served = new ArrayDeque<>();
    private Instant lastAccepted;
    private boolean closed;

    private SyncWebhook(HttpServer server, ExecutorService executor, SyncCoordinator coordinator, Clock clock,
                        byte[] secretDigest) {
        this.server = server;
        this.executor = executor;
        this.coordinator = coordinator;
        this.clock = clock;
        this.secretDigest = secretDigest;
    }

    /**
     * Binds and starts the webhook.
     *
     * @param bind   the address to listen on; null for 127.0.0.1
     * @param port   the port; 0 for an ephemeral one (see {@link #port()})
     * @param secret the shared secret, not empty; copied (as a digest), the caller may wipe its array
     * @throws IOException when the address cannot be bound (java.net.BindException when the port is in use)
     */
    public static SyncWebhook start(InetAddress bind, int port, char[] secret, SyncCoordinator coordinator,
                                    Clock clock) throws IOException {
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(clock, "clock");
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the webhook needs a secret");
        }
        byte[] digest = sha256(utf8(secret));
        InetAddress address = bind != null ? bind : loopback();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, new Named());
        SyncWebhook hook = new SyncWebhook(server, executor, coordinator, clock, digest);
        server.setExecutor(executor);
        server.createContext("/", hook::handle);
        server.start();
        LOG.info("Sync webhook listening on {}:{}{}", address.getHostAddress(), hook.port(), PATH);
        return hook;
    }

    /** The port listened on (the chosen one when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port listened on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening; requests under way are cut. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        executor.shutdownNow();
        Arrays.fill(secretDigest, (byte) 0);
        LOG.info("Sync webhook on port {} stopped", port());
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String remote = ex.getRemoteAddress() == null ? "?" : ex.getRemoteAddress().getAddress().getHostAddress();
        int status = 0;
        try {
            boolean complete = discardBody(ex.getRequestBody());
            if (!complete) {
                ex.getResponseHeaders().set("Connection", "close");
            }
            Answer answer = answer(method, path, ex.getRequestHeaders().getFirst(SECRET_HEADER), remote);
            status = answer.status();
            send(ex, method, answer);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Webhook {} {} from {} aborted: {}", method, path, remote, e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
        LOG.debug("Webhook {} {} from {} -> {}", method, path, remote, status);
    }

    /** Decides the answer; the secret is compared, never logged. */
    private Answer answer(String method, String path, String presented, String remote) {
        Instant now = clock.instant();
        synchronized (lock) {
            while (!served.isEmpty() && !served.peekFirst().plus(RATE_WINDOW).isAfter(now)) {
                served.removeFirst();
            }
            if (served.size() >= RATE_LIMIT) {
                Duration wait = Duration.between(now, served.peekFirst().plus(RATE_WINDOW));
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                LOG.warn("Webhook rate limit reached ({} requests in {} s); refused a request from {}",
                        RATE_LIMIT, RATE_WINDOW.toSeconds(), remote);
                return new Answer(429, "rate_limited").header("Retry-After", Long.toString(seconds));
            }
            served.addLast(now);
        }
        if (!PATH.equals(path)) {
            return new Answer(404, "not_found");
        }
        if (!"POST".equals(method)) {
            return new Answer(405, "method_not_allowed").header("Allow", "POST");
        }
        if (!secretMatches(presented)) {
            LOG.warn("Webhook call from {} refused: {} secret", remote, presented == null ? "missing" : "wrong");
            return new Answer(401, "unauthorized").header("WWW-Authenticate", "X-Carnet-Secret");
        }
        synchronized (lock) {
            if (lastAccepted != null && now.isBefore(lastAccepted.plus(DEBOUNCE))) {
                LOG.debug("Webhook call from {} coalesced with the one at {}", remote, lastAccepted);
                return new Answer(202, "coalesced");
            }
            lastAccepted = now;
        }
        try {
            boolean started = coordinator.request(SyncTrigger.WEBHOOK);
            LOG.info("Webhook call from {} accepted: sync {}", remote,
                    started ? "started" : "to follow the run under way");
            return new Answer(202, "accepted");
        } catch (RuntimeException e) {
            LOG.warn("Webhook call from {} accepted but the sync could not start: {}", remote,
                    e.getClass().getName(), e);
            return new Answer(503, "unavailable");
        }
    }

    /** Constant-time: digests of equal length are compared whatever the presented value. */
    private boolean secretMatches(String presented) {
        if (presented == null) {
            return false;
        }
        // Header bytes reach us as ISO-8859-1 characters: recover the raw bytes (UTF-8 when the client sent UTF-8).
        byte[] raw = presented.getBytes(StandardCharsets.ISO_8859_1);
        byte[] digest = sha256(raw);
        Arrays.fill(raw, (byte) 0);
        synchronized (lock) {
            return !closed && MessageDigest.isEqual(digest, secretDigest);
        }
    }

    /**
     * Reads and drops at most {@link #MAX_BODY} bytes. False when the cap was reached before the end of the body: the
     * rest is not read and the connection is closed after the answer.
     */
    private static boolean discardBody(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int total = 0;
        while (total < MAX_BODY) {
            int n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY - total));
            if (n < 0) {
                return true;
            }
            total += n;
        }
        return false;
    }

    private static void send(HttpExchange ex, String method, Answer answer) throws IOException {
        byte[] body = ("{\"status\":\"" + answer.word() + "\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", JSON);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (answer.headerName() != null) {
            ex.getResponseHeaders().set(answer.headerName(), answer.headerValue());
        }
        if ("HEAD".equals(method)) {
            ex.sendResponseHeaders(answer.status(), -1);
            return;
        }
        ex.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A status, the word of the JSON body and at most one extra header. */
    private record Answer(int status, String word, String headerName, String headerValue) {
        Answer(int status, String word) {
            this(status, word, null, null);
        }

        Answer header(String name, String value) {
            return new Answer(status, word, name, value);
        }
    }

    /** Daemon threads named sync-webhook-N, so a forgotten webhook never keeps the JVM alive. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sync-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
