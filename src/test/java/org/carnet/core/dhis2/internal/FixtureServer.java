package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.carnet.core.dhis2.Dhis2Version;

/**
 * A loopback DHIS2 built from the real response shapes in {@code fixtures/dhis2} (copied from
 * {@code ../shared/dhis2-fixtures}): per version the system info, the /me shape, the programs, and tracked-entity
 * pages whose elements are clones of the fixture element of that version with generated uids. Paging and ownership
 * filtering follow {@code dhis2-api.md} §7.4–7.5: pages are cut first, then filtered, so they can be short or empty.
 */
public final class FixtureServer extends Dispatcher implements AutoCloseable {
    public static final String USER = "admin";
    public static final String PASSWORD = "district";
    public static final String TOKEN = "d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092";
    static final ObjectMapper JSON = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    final String version;
    final Dhis2Version parsed;
    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Entities per program uid. */
    final Map<String, Integer> entityCount = new HashMap<>();
    /** Row positions (0-based, in the server's order) that ownership filtering removes after paging. */
    final Set<Integer> ownershipFiltered = new HashSet<>();
    /** Indexes returned as soft-deleted tombstones. */
    final Set<Integer> deleted = new HashSet<>();
    private final Map<String, Deque<MockResponse>> overrides = new HashMap<>();
    private boolean acceptTokens = true;
    private int sessions;

    public FixtureServer(String version) throws IOException {
        this(version, null);
    }

    /** Over https with the given server certificate when {@code tls} is not null. */
    public FixtureServer(String version, javax.net.ssl.SSLSocketFactory tls) throws IOException {
        this.version = version;
        this.parsed = Dhis2Version.parse(version).orElseThrow();
        server.setDispatcher(this);
        if (tls != null) {
            server.useHttps(tls);
        }
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    static JsonNode fixture(String path) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/dhis2/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url("/").newBuilder().host("127.0.0.1").build().toString();
    }

    /** The next answers to requests whose path ends with {@code apiPath} (for example {@code system/info}). */
    FixtureServer enqueue(String apiPath, MockResponse... responses) {
        overrides.computeIfAbsent(apiPath, k -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    FixtureServer tokensDisabled() {
        acceptTokens = false;
        return this;
    }

    List<RecordedRequest> requestsTo(String apiPath) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/api/" + apiPath)).toList();
    }

    static MockResponse json(int code, Object body) {
        try {
            return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json;charset=UTF-8")
                    .body(body instanceof String s ? s : JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html;charset=UTF-8").body(body)
                .build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        HttpUrl url = request.getUrl();
        String path = url.encodedPath().replaceFirst("^/api/", "");
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            return json(405, Map.of("httpStatusCode", 405, "status", "ERROR", "message", "Method not allowed"));
        }
        Deque<MockResponse> queued = overrides.get(path);
        if (queued != null && !queued.isEmpty()) {
            return queued.poll();
        }
        MockResponse auth = authenticate(request);
        if (auth != null) {
            return auth;
        }
        MockResponse ok = switch (path) {
            case "system/info" -> json(200, systemInfo());
            case "me" -> json(200, me());
            case "programs" -> json(200, programs(url));
            case "optionSets" -> json(200, Map.of("optionSets", List.of()));
            case "trackedEntityInstances" -> parsed.minor() >= 42 ? html(404, "<html><body>Not Found</body></html>")
                    : json(200, trackerPage(url, true));
            case "tracker/trackedEntities" -> json(200, trackerPage(url, false));
            default -> html(404, "<html>Not found</html>");
        };
        if (request.getHeaders().get("Authorization") != null
                && request.getHeaders().get("Authorization").startsWith("Basic ")) {
            ok = ok.newBuilder().addHeader("Set-Cookie", "JSESSIONID=session-" + (++sessions) + "; Path=/; HttpOnly")
                    .build();
        }
        return ok;
    }

    private MockResponse authenticate(RecordedRequest r) {
        String auth = r.getHeaders().get("Authorization");
        String cookie = r.getHeaders().get("Cookie");
        if (cookie != null && cookie.matches("JSESSIONID=session-\\d+")) {
            return null;
        }
        if (auth != null && auth.equals("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes()))) {
            return null;
        }
        if (auth != null && auth.equals("ApiToken " + TOKEN) && acceptTokens && parsed.minor() >= 38) {
            return null;
        }
        if (auth == null && r.getHeaders().get("X-Requested-With") == null) {
            String login = parsed.minor() <= 40 ? "/dhis-web-commons/security/login.action"
                    : parsed.minor() <= 42 ? "/dhis-web-login/" : "/login/";
            return new MockResponse.Builder().code(302).addHeader("Location", server.url(login).toString()).build();
        }
        return json(401, fixture("errors/401-unauthorized.json"));
    }

    ObjectNode systemInfo() {
        String file = switch (parsed.minor()) {
            case 36 -> "system-info-2.36.13.2.json";
            case 37 -> "system-info-2.37.9.1.json";
            case 38 -> "system-info-2.38.7.json";
            case 39 -> "system-info-2.39.5.json";
            case 40 -> "system-info-2.40.4.1.json";
            default -> "system-info-2.41.0.1.json";
        };
        ObjectNode info = (ObjectNode) fixture("system-info/" + file);
        info.put("version", version);
        if (parsed.minor() >= 43) {
            info.put("sessionTimeout", 3600);
        }
        return info;
    }

    JsonNode me() {
        ObjectNode me = (ObjectNode) fixture(parsed.minor() <= 37 ? "me/me-2.37-style-android-sdk.json"
                : "me/me-2.38-style-android-sdk.json");
        if (parsed.minor() >= 42) {
            me.remove("userCredentials");
        }
        return me;
    }

    JsonNode programs(HttpUrl url) {
        ObjectNode all = (ObjectNode) fixture("metadata/programs-android-sdk.json");
        String filter = url.queryParameter("filter");
        if ("programType:eq:WITH_REGISTRATION".equals(filter)) {
            ArrayNode kept = JSON.createArrayNode();
            all.withArray("programs").forEach(p -> {
                if ("WITH_REGISTRATION".equals(p.path("programType").asText())) {
                    kept.add(p);
                }
            });
            all.set("programs", kept);
        }
        return all;
    }

    static String uid(int index) {
        return String.format("Te%09d", index);
    }

    private ObjectNode element(boolean oldApi) {
        if (oldApi) {
            return (ObjectNode) fixture("tracker-old-2.36-2.41/tracked-entity-instances-page.json")
                    .get("trackedEntityInstances").get(0);
        }
        if (parsed.minor() <= 40) {
            return (ObjectNode) fixture("tracker-new-2.36-2.40/tracked-entities-page-with-enrollments.json")
                    .get("instances").get(0);
        }
        return (ObjectNode) fixture("tracker-new-2.41/tracked-entities-page-pager-and-flat.json")
                .get("trackedEntities").get(0);
    }

    JsonNode trackerPage(HttpUrl url, boolean oldApi) {
        String program = url.queryParameter("program");
        int count = entityCount.getOrDefault(program, 0);
        int page = Integer.parseInt(url.queryParameter("page") == null ? "1" : url.queryParameter("page"));
        int size = Integer.parseInt(url.queryParameter("pageSize") == null ? "50" : url.queryParameter("pageSize"));
        boolean totalPages = "true".equals(url.queryParameter("totalPages"));
        boolean includeDeleted = "true".equals(url.queryParameter("includeDeleted"));
        ObjectNode template = element(oldApi);
        String uidField = oldApi ? "trackedEntityInstance" : "trackedEntity";
        String updatedField = oldApi ? "lastUpdated" : "updatedAt";
        // server order: ascending up to 2.41, descending from 2.42
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (includeDeleted || !deleted.contains(i)) {
                order.add(parsed.minor() >= 42 ? count - 1 - i : i);
            }
        }
        int from = Math.min(order.size(), (page - 1) * size);
        int to = Math.min(order.size(), from + size);
        ArrayNode items = JSON.createArrayNode();
        for (int k = from; k < to; k++) {
            int index = order.get(k);
            if (ownershipFiltered.contains(k)) {
                continue;
            }
            ObjectNode e = template.deepCopy();
            e.put(uidField, uid(index));
            e.put(updatedField, String.format("2024-07-%02dT10:00:00.000", 1 + index % 28));
            e.put("deleted", deleted.contains(index));
            items.add(e);
        }
        int pageCount = (order.size() + size - 1) / size;
        ObjectNode body = JSON.createObjectNode();
        String key = oldApi ? "trackedEntityInstances" : parsed.minor() <= 40 ? "instances" : "trackedEntities";
        if (oldApi) {
            if (totalPages) {
                ObjectNode pager = body.putObject("pager");
                pager.put("page", page).put("pageCount", pageCount).put("total", order.size()).put("pageSize", size);
            }
        } else if (parsed.minor() <= 40) {
            body.put("page", page).put("pageSize", size);
            if (totalPages) {
                body.put("total", order.size()).put("pageCount", pageCount);
            }
        } else {
            ObjectNode pager = body.putObject("pager");
            pager.put("page", page).put("pageSize", size);
            if (totalPages) {
                pager.put("total", order.size()).put("pageCount", pageCount);
            }
            if (parsed.minor() == 41) {
                body.put("page", page).put("pageSize", size);
                if (totalPages) {
                    body.put("total", order.size()).put("pageCount", pageCount);
                }
            } else {
                if (page > 1) {
                    pager.put("prevPage", url.newBuilder().setQueryParameter("page", String.valueOf(page - 1)).build()
                            .toString());
                }
                if (to < order.size()) {
                    pager.put("nextPage", url.newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build()
                            .toString());
                }
            }
        }
        body.set(key, items);
        return body;
    }

    @Override
    public void close() {
        server.close();
    }
}
