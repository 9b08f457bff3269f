package org.carnet.core.demo.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.carnet.core.demo.DemoAccount;
import org.carnet.core.demo.DemoFault;
import org.carnet.core.demo.DemoVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated DHIS2 server on 127.0.0.1: JDK HTTP server, a small named thread pool, routing, authentication,
 * fault injection and request logging. Logs counts, paths and statuses only (never query strings or bodies).
 */
public final class Dhis2Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dhis2Simulator.class);
    private static final int THREADS = 4;
    private static final Pattern VERSIONED = Pattern.compile("^/api/(\\d{2})(/.*)$");

    private final VersionRules rules;
    private final Population population;
    private final Authenticator auth;
    private final MetadataJson metadataJson;
    private final TrackerEndpoints tracker;
    private final RequestLog log = new RequestLog();
    private final FaultPlan faults;
    private final String systemName;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<ObjectNode> programs;
    private final List<ObjectNode> optionSets;
    private final List<ObjectNode> orgUnits;
    private final List<ObjectNode> levels;

    /**
     * Builds the dataset and binds the server; nothing is served before {@link #start()}.
     *
     * @throws IOException when the port cannot be bound (java.net.BindException when it is in use)
     */
    public Dhis2Simulator(DemoVersion version, int port, int size, long seed, List<DemoAccount> accounts,
                          Clock clock, String systemName) throws IOException {
        this.rules = new VersionRules(version);
        this.systemName = systemName;
        Metadata md = new Metadata(seed);
        OrgUnitTree tree = new OrgUnitTree(seed);
        this.population = new Population(seed, size, md, tree, clock);
        this.auth = new Authenticator(rules, seed, accounts);
        this.faults = new FaultPlan(auth::expireSessions);
        this.metadataJson = new MetadataJson(population, rules, systemName, clock);
        this.tracker = new TrackerEndpoints(population, rules);
        this.programs = md.programs.stream().sorted(Comparator.comparing(Metadata.Program::name))
                .map(metadataJson::program).toList();
        this.optionSets = md.optionSets.stream().sorted(Comparator.comparing(Metadata.OptionSet::name))
                .map(metadataJson::optionSet).toList();
        this.orgUnits = tree.sortedByName().stream().map(metadataJson::orgUnit).toList();
        this.levels = IntStream.rangeClosed(1, OrgUnitTree.LEVEL_NAMES.size()).mapToObj(metadataJson::orgUnitLevel)
                .toList();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(THREADS, new Named());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
        LOG.info("Demo DHIS2 {} listening on {} with {} tracked entities", rules.version(), baseUrl,
                population.count());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Population population() {
        return population;
    }

    public RequestLog requests() {
        return log;
    }

    public FaultPlan faults() {
        return faults;
    }

    public String tokenOf(String username) {
        return auth.tokenOf(username);
    }

    public String expiredToken() {
        return auth.expiredToken();
    }

    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        closed.countDown();
        LOG.info("Demo DHIS2 server on {} stopped", baseUrl);
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange ex) {
        ApiRequest req = new ApiRequest(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(), baseUrl);
        try {
            DemoFault fault = faults.take(req.path());
            if (fault instanceof DemoFault.DropConnection) {
                record(req, 0);
                return;
            }
            if (fault instanceof DemoFault.Delay delay) {
                Thread.sleep(delay.delay().toMillis());
            }
            Response response = faultAnswer(fault);
            if (response == null) {
                response = route(req);
            }
            record(req, response.status());
            send(ex, req, response, fault instanceof DemoFault.TruncatedBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {} aborted: {}", req.method(), req.path(), e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
    }

    /** The answer a fault puts in place of the normal one, or null when the normal answer is sent. */
    private static Response faultAnswer(DemoFault fault) {
        if (fault instanceof DemoFault.Status s) {
            int status = s.status();
            if (status >= 502 && status <= 504) {
                return Pages.nginxError(status);
            }
            return Pages.webMessage(status, status == 500
                    ? "An unexpected error occurred. Please contact the system administrator."
                    : Pages.reason(status), null);
        }
        if (fault instanceof DemoFault.HtmlPage) {
            return Pages.captivePortal();
        }
        if (fault instanceof DemoFault.Unauthorized) {
            return Pages.webMessage(401, "Unauthorized", null);
        }
        return null;
    }

    private void record(ApiRequest req, int status) {
        log.record(req, status);
        LOG.debug("{} {} -> {}", req.method(), req.path(), status);
    }

    private Response route(ApiRequest req) {
        String method = req.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Pages.webMessage(405, "Request method '" + method + "' is not supported", null)
                    .header("Allow", "GET, HEAD");
        }
        String path = normalise(req.path());
        if (path == null) {
            return Pages.notFound(rules, req.path());
        }
        if (path.equals(rules.loginPath()) || path.equals(rules.loginPath() + "index.html")) {
            return Pages.loginPage(systemName);
        }
        if (path.equals("/api/loginConfig") && rules.hasLoginConfig()) {
            return json(metadataJson.loginConfig());
        }
        Authenticator.Outcome who = auth.authenticate(req);
        if (!who.ok()) {
            return who.failure();
        }
        Response response;
        try {
            response = dispatch(req, path, who.username());
        } catch (ApiException e) {
            response = Pages.webMessage(e);
        }
        return who.setCookie() == null ? response : response.header("Set-Cookie", who.setCookie());
    }

    /** Strips {@code .json} and, up to 2.42, a {@code /api/NN/} version; null when the path cannot exist. */
    private String normalise(String path) {
        String p = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
        Matcher m = VERSIONED.matcher(p);
        if (m.matches()) {
            int v = Integer.parseInt(m.group(1));
            if (!rules.acceptsVersionedApiPaths() || v < 28 || v > rules.minor()) {
                return null;
            }
            p = "/api" + m.group(2);
        }
        return p.length() > 1 && p.endsWith("/") && p.startsWith("/api/") ? p.substring(0, p.length() - 1) : p;
    }

    private Response dispatch(ApiRequest req, String path, String username) throws ApiException {
        switch (path) {
            case "/api/system/info":
                return json(metadataJson.systemInfo(baseUrl, req.header("User-Agent")));
            case "/api/me":
                String fields = req.param("fields");
                ObjectNode me = metadataJson.me(username);
                return json(fields == null || fields.isBlank() ? me : FieldFilter.parse(fields).apply(me, false));
            case "/api/me/authorities":
                return Response.json(200, out -> {
                    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                        g.writeStartArray();
                        for (String a : Metadata.AUTHORITIES) {
                            g.writeString(a);
                        }
                        g.writeEndArray();
                    }
                });
            case "/api/programs":
                return MetadataList.answer(req, rules, "programs", programs);
            case "/api/optionSets":
                return MetadataList.answer(req, rules, "optionSets", optionSets);
            case "/api/organisationUnits":
                return MetadataList.answer(req, rules, "organisationUnits", orgUnits);
            case "/api/organisationUnitLevels":
                return MetadataList.answer(req, rules, "organisationUnitLevels", levels);
            case "/api/trackedEntityInstances":
                return rules.hasOldTrackerApi() ? tracker.oldApi(req) : Pages.notFound(rules, req.path());
            case "/api/tracker/trackedEntities":
                return tracker.newApi(req);
            default:
                return Pages.notFound(rules, req.path());
        }
    }

    private static Response json(com.fasterxml.jackson.databind.JsonNode node) {
        return Response.json(200, out -> {
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                g.writeTree(node);
            }
        });
    }

    private static void send(HttpExchange ex, ApiRequest req, Response r, boolean truncate) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (r.body() == null || req.method().equals("HEAD")) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        if (truncate) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            r.body().writeTo(buffer);
            byte[] bytes = buffer.toByteArray();
            ex.sendResponseHeaders(r.status(), bytes.length);
            OutputStream out = ex.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            return;
        }
        ex.sendResponseHeaders(r.status(), 0);
        try (OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
            r.body().writeTo(out);
        }
    }

    /** Daemon threads named demo-dhis2-http-N, so a forgotten server never keeps the JVM alive. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "demo-dhis2-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
