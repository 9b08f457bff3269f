package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain JDK HTTP client for the demo server tests: redirects off, JSON helpers. */
final class DemoClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoServer server;

    DemoClient(DemoServer server) {
        this.server = server;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GET with raw headers (name, value, name, value…). */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET as the demo user the way a well-behaved client does (Basic, Accept JSON, X-Requested-With). */
    HttpResponse<String> api(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, "Authorization", basic(server.username(), server.password()),
                "Accept", "application/json", "X-Requested-With", "XMLHttpRequest");
    }

    /** {@link #api} expecting 200 and JSON. */
    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = api(pathAndQuery);
        assertEquals(200, r.statusCode(), () -> pathAndQuery + " -> " + r.body());
        return MAPPER.readTree(r.body());
    }

    static JsonNode parse(String body) throws IOException {
        return MAPPER.readTree(body);
    }
}
