package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per release: system info, /api/me, authentication outcomes, 405, endpoint availability and collection keys. */
class DemoServerProtocolIT {
    private static final String XRW = "X-Requested-With";

    private static DemoServer start(String version) throws Exception {
        return DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(60)
                .withClock(TestClock.dakar("2025-03-14T10:15:30.123Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.37.9", "2.38.7", "2.39.5", "2.40.4.1", "2.41.3", "2.42.1", "2.43.1"})
    void systemInfoAndMeAreShapedPerRelease(String version) throws Exception {
        try (DemoServer server = start(version)) {
            DemoClient c = new DemoClient(server);
            int minor = server.version().minor();
            JsonNode info = c.json("/api/system/info");
            assertEquals(version, info.get("version").asText());
            assertEquals("2025-03-14T10:15:30.123", info.get("serverDate").asText());
            assertEquals("Africa/Dakar", info.get("serverTimeZoneId").asText());
            assertEquals("iso8601", info.get("calendar").asText());
            assertEquals(server.baseUrl(), info.get("contextPath").asText());
            assertTrue(info.get("systemName").asText().contains("Sénégal"));
            assertEquals(minor <= 37, info.has("jasperReportsVersion"));
            assertEquals(minor >= 41, info.get("databaseInfo").has("time"));
            assertEquals(minor >= 43, info.has("capability") && info.has("sessionTimeout"));
            List<String> keys = names(info);
            assertEquals(minor >= 41, keys.indexOf("databaseInfo") < keys.indexOf("version"));

            JsonNode me = c.json("/api/me?fields=id,username,userCredentials[username],organisationUnits[id,path,"
                    + "displayName,level],teiSearchOrganisationUnits[id,path],programs,authorities");
            assertEquals(minor >= 38, me.has("username"));
            assertEquals(minor <= 41, me.has("userCredentials"));
            String username = me.has("username") ? me.get("username").asText()
                    : me.get("userCredentials").get("username").asText();
            assertEquals("admin", username);
            assertEquals(4, me.get("organisationUnits").size());
            assertEquals(6, me.get("teiSearchOrganisationUnits").size());
            JsonNode ou = me.get("organisationUnits").get(0);
            assertEquals(List.of("id", "displayName", "level", "path"), names(ou));
            assertFalse(me.get("authorities").toString().contains("\"ALL\""));
            assertEquals(me.get("authorities").size(), c.json("/api/me/authorities").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.37.9", "2.38.7", "2.39.5", "2.40.4", "2.41.3", "2.42.1", "2.43.1"})
    void authenticationAnswersPerRelease(String version) throws Exception {
        try (DemoServer server = start(version)) {
            DemoClient c = new DemoClient(server);
            int minor = server.version().minor();

            HttpResponse<String> anonymous = c.get("/api/system/info");
            assertEquals(302, anonymous.statusCode());
            String login = minor <= 40 ? "/dhis-web-commons/security/login.action"
                    : minor <= 42 ? "/dhis-web-login/" : "/login/";
            assertEquals(server.baseUrl() + login, anonymous.headers().firstValue("Location").orElseThrow());
            assertEquals(200, c.get(login).statusCode());

            HttpResponse<String> ajax = c.get("/api/system/info", XRW, "XMLHttpRequest");
            assertEquals(401, ajax.statusCode());
            assertEquals("{\"httpStatus\":\"Unauthorized\",\"httpStatusCode\":401,\"status\":\"ERROR\","
                    + "\"message\":\"Unauthorized\"}", ajax.body());
            assertEquals(401, c.get("/api/me", "Authorization", DemoClient.basic("admin", "wrong")).statusCode());

            HttpResponse<String> ok = c.api("/api/me?fields=id");
            assertEquals(200, ok.statusCode());
            String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertTrue(cookie.startsWith("JSESSIONID="));
            assertEquals(200, c.get("/api/me?fields=id", "Cookie", cookie, XRW, "XMLHttpRequest").statusCode());
            server.faults().expireSessions();
            assertEquals(302, c.get("/api/me?fields=id", "Cookie", cookie).statusCode());

            HttpResponse<String> pat = c.get("/api/me?fields=id", "Authorization",
                    "ApiToken " + server.personalAccessToken(), XRW, "XMLHttpRequest");
            assertEquals(minor >= 38 ? 200 : 401, pat.statusCode(), pat.body());
            assertTrue(pat.headers().firstValue("Set-Cookie").isEmpty());
            String forged = server.personalAccessToken().substring(0, 47) + "9";
            HttpResponse<String> bad = c.get("/api/me", "Authorization", "ApiToken " + forged, XRW, "XMLHttpRequest");
            if (minor >= 41) {
                assertEquals(400, bad.statusCode());
                assertEquals("Checksum validation failed", DemoClient.parse(bad.body()).get("message").asText());
            } else {
                assertEquals(401, bad.statusCode());
            }

            HttpResponse<String> loginConfig = c.get("/api/loginConfig", XRW, "XMLHttpRequest");
            assertEquals(minor >= 41 ? 200 : 401, loginConfig.statusCode());
            if (minor >= 41) {
                assertEquals(version, DemoClient.parse(loginConfig.body()).get("apiVersion").asText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.39.5", "2.41.3", "2.42.1"})
    void writesAreRefusedWith405AndRecorded(String version) throws Exception {
        try (DemoServer server = start(version)) {
            DemoClient c = new DemoClient(server);
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                HttpResponse<String> r = c.send(method, "/api/tracker/trackedEntities", "Authorization",
                        DemoClient.basic("admin", "district"));
                assertEquals(405, r.statusCode());
            }
            assertEquals(200, c.send("HEAD", "/api/system/info", "Authorization",
                    DemoClient.basic("admin", "district")).statusCode());
            assertTrue(server.requests().anyWrite());
            assertEquals(5, server.requests().all().size());
            DemoRequest last = server.requests().all().get(4);
            assertEquals("HEAD", last.method());
            assertEquals(DemoCredentials.BASIC, last.credentials());
            assertEquals("<redacted>", last.header("Authorization"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.37.9", "2.38.7", "2.39.5", "2.40.4", "2.41.3", "2.42.1", "2.43.1"})
    void endpointsAndCollectionKeysPerRelease(String version) throws Exception {
        try (DemoServer server = start(version)) {
            DemoClient c = new DemoClient(server);
            int minor = server.version().minor();
            String program = server.dataset().programUid(DemoProgramKind.VACCINATION);
            String dakar = server.dataset().captureOrgUnitUids().get(0);
            HttpResponse<String> old = c.api("/api/trackedEntityInstances?program=" + program + "&ou=" + dakar
                    + "&ouMode=DESCENDANTS&fields=trackedEntityInstance,lastUpdated");
            if (minor <= 41) {
                assertEquals(200, old.statusCode());
                assertTrue(DemoClient.parse(old.body()).has("trackedEntityInstances"));
            } else {
                assertEquals(404, old.statusCode());
                assertTrue(old.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            }
            String units = minor >= 41 ? "orgUnits=" + dakar + "&orgUnitMode=DESCENDANTS"
                    : "orgUnit=" + dakar + "&ouMode=DESCENDANTS";
            JsonNode page = c.json("/api/tracker/trackedEntities?program=" + program + "&" + units
                    + "&page=1&pageSize=5&fields=trackedEntity,updatedAt");
            String key = minor >= 41 ? "trackedEntities" : "instances";
            assertTrue(page.has(key), page::toString);
            assertEquals(minor >= 41, page.has("pager"));
            assertEquals(minor <= 41, page.has("page"));
            JsonNode first = page.get(key).get(0);
            assertNotNull(first.get("trackedEntity"));
            assertNull(first.get("trackedEntityInstance"));
            if (minor == 36) {
                assertTrue(first.size() > 2, "2.36 does not implement field filtering in the new API");
            } else {
                assertEquals(2, first.size(), first::toString);
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> list = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(list::add);
        return list;
    }
}
