package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of injected fault, and that faults are consumed then normal answers resume. */
class DemoServerFaultsIT {
    private static final String PAGE = "/api/tracker/trackedEntities?orgUnitMode=CAPTURE&fields=trackedEntity&program=";

    private DemoServer server;
    private DemoClient client;
    private String page;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(DemoServerConfig.defaults().withVersion("2.42.1").withSize(100));
        client = new DemoClient(server);
        page = PAGE + server.dataset().programUid(DemoProgramKind.HIV_CARE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void statusFaultsAnswerNginxPagesOrWebMessagesThenRecover() throws Exception {
        server.faults().inject("/api/tracker", DemoFault.status(502), 1);
        server.faults().inject("/api/tracker", DemoFault.status(500), 1);
        HttpResponse<String> gateway = client.api(page);
        assertEquals(502, gateway.statusCode());
        assertTrue(gateway.body().contains("<center>nginx"), gateway.body());
        HttpResponse<String> error = client.api(page);
        assertEquals(500, error.statusCode());
        assertEquals("Internal Server Error", DemoClient.parse(error.body()).get("httpStatus").asText());
        assertEquals(200, client.api(page).statusCode());
        assertEquals(0, server.faults().pending());
        assertEquals(502, server.requests().all().get(0).status());
    }

    @Test
    void unauthorizedInTheMiddleOfPaging() throws Exception {
        server.faults().inject("/api/tracker/trackedEntities", 2, DemoFault.unauthorized(), 1);
        assertEquals(200, client.api(page + "&page=1").statusCode());
        assertEquals(200, client.api("/api/system/info").statusCode());
        assertEquals(200, client.api(page + "&page=2").statusCode());
        assertEquals(401, client.api(page + "&page=3").statusCode());
        assertEquals(200, client.api(page + "&page=3").statusCode());
    }

    @Test
    void delayTriggersClientReadTimeouts() throws Exception {
        server.faults().inject("/api/system/info", DemoFault.delay(Duration.ofMillis(1500)), 1);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest slow = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/system/info"))
                .timeout(Duration.ofMillis(300)).header("Authorization", DemoClient.basic("admin", "district")).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(slow, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void truncatedBodyDroppedConnectionAndCaptivePortal() throws Exception {
        server.faults().inject("/api/tracker", DemoFault.truncatedBody(), 1);
        // the JDK client (like OkHttp) retries an idempotent GET once when the connection drops: drop both tries
        server.faults().inject("/api/tracker", DemoFault.dropConnection(), 2);
        server.faults().inject("/api/tracker", DemoFault.htmlPage(), 1);
        assertThrows(IOException.class, () -> client.api(page), "truncated body");
        assertThrows(IOException.class, () -> client.api(page), "dropped connection");
        HttpResponse<String> portal = client.api(page);
        assertEquals(200, portal.statusCode());
        assertTrue(portal.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(200, client.api(page).statusCode());
        assertEquals(0, server.requests().all().get(1).status(), "a dropped connection is recorded with status 0");
        assertEquals(0, server.requests().all().get(2).status());
    }

    @Test
    void truncatedBodyIsHalfOfTheRealAnswer() throws Exception {
        String full = client.api(page).body();
        server.faults().inject("/api/tracker", DemoFault.truncatedBody(), 1);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + page + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + DemoClient.basic("admin", "district") + "\r\n\r\n").getBytes());
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            int fullLength = full.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertTrue(raw.toLowerCase(java.util.Locale.ROOT).contains("content-length: " + fullLength), raw);
            assertTrue(full.startsWith(body) && body.length() < full.length() && body.length() > 0);
        }
    }
}
