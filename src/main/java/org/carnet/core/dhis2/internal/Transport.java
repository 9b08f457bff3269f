package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2AuthenticationException.Reason;
import org.carnet.core.dhis2.Dhis2CancelledException;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2ForbiddenException;
import org.carnet.core.dhis2.Dhis2MalformedReplyException;
import org.carnet.core.dhis2.Dhis2RequestRejectedException;
import org.carnet.core.dhis2.Dhis2ServerErrorException;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.Dhis2UnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for one DHIS2 server: GET only ({@link ReadOnlyGuard}), {@code Accept} and {@code X-Requested-With} on every
 * request, redirects disabled (any 3xx from the API means "not authenticated"), Basic auth then the session cookie,
 * or a personal access token, retries with exponential back-off and jitter on 5xx, timeouts, dropped connections and
 * truncated bodies, and every failure turned into a typed {@link Dhis2Exception}. Never retries a 401 (DHIS2 locks
 * accounts after repeated failures).
 */
final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Reads a 2xx JSON body. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** Supplies the query of each attempt; told when the server was slow so it can ask for smaller pages. */
    interface QuerySource {
        Query query();

        default void serverWasSlow() {
        }
    }

    /** A 2xx answer that was not JSON (HTML login page, captive portal, proxy page). */
    static final class NotJsonException extends Exception {
        private final String contentType;

        NotJsonException(String contentType) {
            super("non-JSON reply: " + contentType, null, false, false);
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }
    }

    private final ConnectionSettings settings;
    private final OkHttpClient http;
    private final HttpUrl apiRoot;
    private final ObjectMapper mapper;
    private final Backoff.Sleeper sleeper;
    private volatile String sessionCookie;
    private volatile Call current;
    private volatile boolean cancelled;
    private volatile boolean everConnected;

    Transport(ConnectionSettings settings, ObjectMapper mapper, Backoff.Sleeper sleeper) {
        this.settings = settings;
        this.mapper = mapper;
        this.sleeper = sleeper;
        this.apiRoot = HttpUrl.get(settings.baseUrl().toString()).newBuilder().addPathSegment("api").build();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(new ReadOnlyGuard())
                .addNetworkInterceptor(new ReadOnlyGuard());
        try {
            TlsSetup.forTrust(settings.trust()).ifPresent(t -> b.sslSocketFactory(t.socketFactory(), t.trustManager()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS set-up failed", e);
        }
        this.http = b.build();
    }

    /** The HTTP client (with its read-only guard), for tests of this package. */
    OkHttpClient http() {
        return http;
    }

    HttpUrl url(String path, Query query) {
        HttpUrl.Builder u = apiRoot.newBuilder().addPathSegments(path);
        for (Query.Param p : query.params()) {
            u.addQueryParameter(p.name(), p.value());
        }
        return u.build();
    }

    <T> T get(String path, QuerySource source, BodyReader<T> reader) throws Dhis2Exception, NotJsonException {
        int retries = 0;
        boolean cookieDropped = false;
        while (true) {
            checkCancelled();
            HttpUrl url = url(path, source.query());
            boolean withCookie = sessionCookie != null && settings.credentials() instanceof Credentials.Basic;
            Request request = request(url, withCookie);
            long started = System.nanoTime();
            Call call = http.newCall(request);
            current = call;
            String retryWhy;
            try (Response response = call.execute()) {
                everConnected = true;
                int code = response.code();
                LOG.debug("GET /api/{} -> {} in {} ms", path, code, (System.nanoTime() - started) / 1_000_000);
                if (code >= 300 && code < 400) {
                    if (withCookie && !cookieDropped) {
                        sessionCookie = null;
                        cookieDropped = true;
                        continue;
                    }
                    throw new Dhis2AuthenticationException(Reason.NOT_AUTHENTICATED, "",
                            code + " redirect on /api/" + path);
                }
                if (code == 401) {
                    if (withCookie && !cookieDropped) {
                        sessionCookie = null;
                        cookieDropped = true;
                        continue;
                    }
                    throw authFailure(serverMessage(response), path);
                }
                if (code == 403) {
                    throw new Dhis2ForbiddenException("/api/" + path, serverMessage(response));
                }
                if (code >= 500) {
                    String message = serverMessage(response);
                    if (retries >= settings.maxRetries()) {
                        throw new Dhis2ServerErrorException(code, "/api/" + path, message);
                    }
                    if (code == 502 || code == 503 || code == 504) {
                        source.serverWasSlow();
                    }
                    retryWhy = "HTTP " + code;
                } else if (code >= 400 || code < 200) {
                    String message = serverMessage(response);
                    if (code == 400 && settings.credentials() instanceof Credentials.Token
                            && message.toLowerCase(Locale.ROOT).matches(".*(checksum|token).*")) {
                        // 2.41+ answers 400 "Checksum validation failed" for a mistyped token, before any lookup
                        throw new Dhis2AuthenticationException(Reason.TOKEN_INVALID, message, "400 on /api/" + path);
                    }
                    throw new Dhis2RequestRejectedException(code, "/api/" + path, message);
                } else {
                    rememberSession(response);
                    String type = response.header("Content-Type", "");
                    if (!type.toLowerCase(Locale.ROOT).contains("json")) {
                        throw new NotJsonException(type);
                    }
                    ResponseBody body = response.body();
                    try {
                        return reader.read(body.byteStream());
                    } catch (JsonProcessingException e) {
                        if (cancelled) {
                            throw new Dhis2CancelledException();
                        }
                        if (!truncated(e)) {
                            throw new Dhis2MalformedReplyException("/api/" + path,
                                    "invalid JSON: " + e.getOriginalMessage(), e);
                        }
                        if (retries >= settings.maxRetries()) {
                            throw new Dhis2MalformedReplyException("/api/" + path, "truncated JSON", e);
                        }
                        retryWhy = "truncated JSON";
                    } catch (MalformedShapeException e) {
                        throw new Dhis2MalformedReplyException("/api/" + path, e.getMessage(), e);
                    }
                }
            } catch (Dhis2Exception | NotJsonException e) {
                throw e;
            } catch (ReadOnlyGuard.ReadOnlyViolationException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (UnknownHostException e) {
                throw unreachable(Dhis2UnreachableException.Reason.UNKNOWN_HOST, e);
            } catch (ConnectException | NoRouteToHostException e) {
                if (!everConnected || retries >= settings.maxRetries()) {
                    throw unreachable(Dhis2UnreachableException.Reason.REFUSED, e);
                }
                retryWhy = "connection refused";
            } catch (SSLPeerUnverifiedException e) {
                throw tls(Dhis2TlsException.Reason.HOSTNAME_MISMATCH, e);
            } catch (SSLHandshakeException e) {
                throw tls(certificateProblem(e) ? Dhis2TlsException.Reason.UNTRUSTED
                        : Dhis2TlsException.Reason.HANDSHAKE, e);
            } catch (SSLException e) {
                if (certificateProblem(e)) {
                    throw tls(Dhis2TlsException.Reason.UNTRUSTED, e);
                }
                if (retries >= settings.maxRetries()) {
                    throw unreachable(Dhis2UnreachableException.Reason.DROPPED, e);
                }
                retryWhy = "TLS connection dropped";
            } catch (SocketTimeoutException e) {
                if (cancelled) {
                    throw new Dhis2CancelledException();
                }
                if (retries >= settings.maxRetries()) {
                    throw unreachable(Dhis2UnreachableException.Reason.TIMEOUT, e);
                }
                source.serverWasSlow();
                retryWhy = "timeout";
            } catch (InterruptedIOException e) {
                if (cancelled || Thread.currentThread().isInterrupted() || call.isCanceled()) {
                    throw new Dhis2CancelledException();
                }
                if (retries >= settings.maxRetries()) {
                    throw unreachable(Dhis2UnreachableException.Reason.TIMEOUT, e);
                }
                source.serverWasSlow();
                retryWhy = "timeout";
            } catch (IOException e) {
                if (cancelled || call.isCanceled()) {
                    throw new Dhis2CancelledException();
                }
                if (retries >= settings.maxRetries()) {
                    throw unreachable(Dhis2UnreachableException.Reason.DROPPED, e);
                }
                retryWhy = "connection dropped (" + e.getClass().getSimpleName() + ")";
            } finally {
                current = null;
            }
            retries++;
            Duration wait = Backoff.delay(settings.retryBaseDelay(), retries);
            LOG.info("GET /api/{}: {}; retry {} of {} in {} ms", path, retryWhy, retries, settings.maxRetries(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Dhis2CancelledException();
            }
        }
    }

    /** The body is valid JSON but not the expected shape. */
    static final class MalformedShapeException extends IOException {
        MalformedShapeException(String message) {
            super(message);
        }
    }

    private Request request(HttpUrl url, boolean withCookie) {
        Request.Builder r = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest");
        if (withCookie) {
            r.header("Cookie", sessionCookie);
        } else {
            r.header("Authorization", authorization());
        }
        return r.build();
    }

    private String authorization() {
        if (settings.credentials() instanceof Credentials.Basic b) {
            char[] password = b.password();
            try {
                byte[] raw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(concat(b.username().toCharArray(), password)))
                        .array();
                String value = "Basic " + Base64.getEncoder().encodeToString(trim(raw));
                java.util.Arrays.fill(raw, (byte) 0);
                return value;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        Credentials.Token t = (Credentials.Token) settings.credentials();
        char[] token = t.token();
        try {
            return "ApiToken " + new String(token).strip();
        } finally {
            java.util.Arrays.fill(token, '\0');
        }
    }

    private static char[] concat(char[] user, char[] password) {
        char[] all = new char[user.length + 1 + password.length];
        System.arraycopy(user, 0, all, 0, user.length);
        all[user.length] = ':';
        System.arraycopy(password, 0, all, user.length + 1, password.length);
        return all;
    }

    private static byte[] trim(byte[] encoded) {
        int end = encoded.length;
        while (end > 0 && encoded[end - 1] == 0) {
            end--;
        }
        return java.util.Arrays.copyOf(encoded, end);
    }

    private void rememberSession(Response response) {
        if (!(settings.credentials() instanceof Credentials.Basic)) {
            return;
        }
        for (Cookie c : Cookie.parseAll(response.request().url(), response.headers())) {
            String name = c.name();
            if (name.equalsIgnoreCase("JSESSIONID") || name.equalsIgnoreCase("SESSION")) {
                sessionCookie = name + "=" + c.value();
            }
        }
    }

    /** True once a session cookie replaces the Authorization header. */
    boolean hasSession() {
        return sessionCookie != null;
    }

    private String serverMessage(Response response) {
        try {
            ResponseBody body = response.body();
            String type = response.header("Content-Type", "").toLowerCase(Locale.ROOT);
            // at most MAX_ERROR_BODY bytes, however the body is framed (chunked, or closed at the end)
            okio.BufferedSource peek = body.source().peek();
            okio.Buffer head = new okio.Buffer();
            while (head.size() < MAX_ERROR_BODY && peek.read(head, MAX_ERROR_BODY - head.size()) != -1) {
                // keep reading
            }
            String text = head.readUtf8();
            if (type.contains("json") || text.stripLeading().startsWith("{")) {
                try {
                    JsonNode node = mapper.readTree(text);
                    if (node != null && node.hasNonNull("message")) {
                        return node.get("message").asText();
                    }
                } catch (JsonProcessingException e) {
                    return "";
                }
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Dhis2AuthenticationException authFailure(String message, String path) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        Reason reason;
        if (m.contains("token has expired") || m.contains("expired token")) {
            reason = Reason.TOKEN_EXPIRED;
        } else if (m.contains("api token is disabled") || m.contains("token is disabled")) {
            reason = Reason.TOKEN_REFUSED;
        } else if (m.contains("token") || m.contains("checksum")) {
            reason = Reason.TOKEN_INVALID;
        } else if (m.contains("locked")) {
            reason = Reason.LOCKED;
        } else if (m.contains("disabled")) {
            reason = Reason.DISABLED;
        } else if (m.contains("2fa") || m.contains("two factor") || m.contains("two-factor")) {
            reason = Reason.TWO_FACTOR;
        } else if (m.contains("expired")) {
            reason = Reason.ACCOUNT_EXPIRED;
        } else {
            reason = Reason.WRONG_CREDENTIALS;
        }
        return new Dhis2AuthenticationException(reason, message, "401 on /api/" + path);
    }

    /** Refines a wrong-credentials answer when the client used a token. */
    Dhis2AuthenticationException refineForToken(Dhis2AuthenticationException e) {
        if (settings.credentials() instanceof Credentials.Token && e.reason() == Reason.WRONG_CREDENTIALS) {
            return new Dhis2AuthenticationException(Reason.TOKEN_INVALID, e.serverMessage(), e.getMessage());
        }
        return e;
    }

    private Dhis2UnreachableException unreachable(Dhis2UnreachableException.Reason reason, IOException e) {
        return new Dhis2UnreachableException(reason, settings.host(), reason + ": " + e.getClass().getSimpleName(), e);
    }

    private Dhis2TlsException tls(Dhis2TlsException.Reason reason, IOException e) {
        CertificateInfo cert = null;
        try {
            cert = Dhis2Clients.probeCertificate(settings.baseUrl(), settings.connectTimeout());
        } catch (Dhis2Exception probeFailed) {
            LOG.debug("certificate probe failed: {}", probeFailed.getMessage());
        }
        return new Dhis2TlsException(reason, settings.host(), cert, "TLS " + reason + ": " + e.getMessage(), e);
    }

    /**
     * A body cut short (end of input inside the document, or the connection failing while it was read), as opposed to
     * a complete but invalid one.
     */
    private static boolean truncated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || t instanceof IOException && !(t instanceof JsonProcessingException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("PKIX") || m.contains("certificate"))) {
                return true;
            }
        }
        return false;
    }

    private void checkCancelled() throws Dhis2CancelledException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new Dhis2CancelledException();
        }
    }

    void cancel() {
        cancelled = true;
        Call c = current;
        if (c != null) {
            c.cancel();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    Optional<String> sessionCookieName() {
        String c = sessionCookie;
        return c == null ? Optional.empty() : Optional.of(c.substring(0, c.indexOf('=')));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
