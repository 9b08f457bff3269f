package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tracker parameters, paging fields and validation per release. */
class DemoServerTrackerIT {
    private static DemoServer start(String version, int size) throws Exception {
        return DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(size)
                .withClock(TestClock.dakar("2025-03-14T10:00:00Z")));
    }

    private static String hiv(DemoServer s) {
        return s.dataset().programUid(DemoProgramKind.HIV_CARE);
    }

    private static String roots(DemoServer s, String sep) {
        return String.join(sep, s.dataset().captureOrgUnitUids());
    }

    @Test
    void early236PrintsPagingOnlyWhenAskedLater236Always() throws Exception {
        for (String v : List.of("2.36.0", "2.36.13")) {
            try (DemoServer s = start(v, 80)) {
                DemoClient c = new DemoClient(s);
                String base = "/api/tracker/trackedEntities?program=" + hiv(s) + "&orgUnit=" + roots(s, ";")
                        + "&ouMode=DESCENDANTS";
                assertEquals(v.equals("2.36.13"), c.json(base).has("page"), v);
                JsonNode asked = c.json(base + "&page=1&pageSize=10&totalPages=true");
                assertEquals(10, asked.get("pageSize").asInt());
                assertTrue(asked.has("total"));
                assertFalse(asked.has("pageCount"), "no pageCount before 2.38.5");
            }
        }
    }

    @Test
    void pageCountAppearsIn2385() throws Exception {
        for (String v : List.of("2.38.4", "2.38.5")) {
            try (DemoServer s = start(v, 80)) {
                JsonNode page = new DemoClient(s).json("/api/tracker/trackedEntities?program=" + hiv(s) + "&orgUnit="
                        + roots(s, ";") + "&ouMode=DESCENDANTS&totalPages=true");
                assertEquals(v.equals("2.38.5"), page.has("pageCount"), v);
            }
        }
    }

    @Test
    void upTo240AnOrgUnitOrAModeIsRequired() throws Exception {
        try (DemoServer s = start("2.40.4", 50)) {
            HttpResponse<String> r = new DemoClient(s).api("/api/tracker/trackedEntities?program=" + hiv(s));
            assertEquals(409, r.statusCode());
            assertEquals("At least one organisation unit must be specified",
                    DemoClient.parse(r.body()).get("message").asText());
            HttpResponse<String> plural = new DemoClient(s).api("/api/tracker/trackedEntities?program=" + hiv(s)
                    + "&orgUnits=" + roots(s, ",") + "&orgUnitMode=DESCENDANTS");
            assertEquals(409, plural.statusCode(), "2.40 does not know orgUnits/orgUnitMode");
            HttpResponse<String> combo = new DemoClient(s).api("/api/tracker/trackedEntities?program=" + hiv(s)
                    + "&orgUnit=" + roots(s, ";") + "&ouMode=ACCESSIBLE");
            assertEquals(409, combo.statusCode());
        }
    }

    @Test
    void release241AcceptsDeprecatedNamesButNotBoth() throws Exception {
        try (DemoServer s = start("2.41.3", 200)) {
            DemoClient c = new DemoClient(s);
            String p = "/api/tracker/trackedEntities?program=" + hiv(s) + "&fields=trackedEntity&pageSize=500";
            JsonNode plural = c.json(p + "&orgUnits=" + roots(s, ",") + "&orgUnitMode=DESCENDANTS");
            JsonNode deprecated = c.json(p + "&orgUnit=" + roots(s, ";") + "&ouMode=DESCENDANTS");
            assertEquals(uids(plural, "trackedEntities"), uids(deprecated, "trackedEntities"));
            assertEquals(plural.get("pager").get("page"), plural.get("page"));
            HttpResponse<String> both = c.api(p + "&orgUnits=" + roots(s, ",") + "&orgUnitMode=DESCENDANTS"
                    + "&ouMode=DESCENDANTS");
            assertEquals(400, both.statusCode());
            assertTrue(both.body().contains("Only one parameter of 'ouMode' and 'orgUnitMode'"), both.body());
            HttpResponse<String> accessible = c.api(p + "&orgUnits=" + roots(s, ",") + "&orgUnitMode=ACCESSIBLE");
            assertEquals(400, accessible.statusCode());
            assertEquals(400, c.api(p + "&orgUnitMode=DESCENDANTS").statusCode());
            assertEquals(400, c.api(p + "&query=Diop&orgUnitMode=CAPTURE").statusCode());
        }
    }

    @Test
    void release242SilentlyIgnoresOldNamesAndWidensToTheSearchScope() throws Exception {
        try (DemoServer s = start("2.42.1", 300)) {
            DemoClient c = new DemoClient(s);
            String vac = s.dataset().programUid(DemoProgramKind.VACCINATION);
            String p = "/api/tracker/trackedEntities?program=" + vac + "&fields=trackedEntity&pageSize=1000";
            Set<String> right = uids(c.json(p + "&orgUnits=" + roots(s, ",") + "&orgUnitMode=DESCENDANTS"),
                    "trackedEntities");
            Set<String> wrong = uids(c.json(p + "&orgUnit=" + roots(s, ";") + "&ouMode=DESCENDANTS"),
                    "trackedEntities");
            assertEquals(new HashSet<>(s.dataset().visibleEntities(DemoProgramKind.VACCINATION)), right);
            assertTrue(wrong.containsAll(right));
            assertTrue(wrong.size() > right.size(), "ignored ouMode falls back to ACCESSIBLE (search scope)");
            HttpResponse<String> big = c.api("/api/tracker/trackedEntities?program=" + vac
                    + "&orgUnitMode=ACCESSIBLE&pageSize=50001");
            assertEquals(400, big.statusCode());
            assertTrue(big.body().contains("KeyTrackedEntityMaxLimit 50000"), big.body());
        }
    }

    @Test
    void release242PagerHasLinksAndNewestComesFirst() throws Exception {
        try (DemoServer s42 = start("2.42.1", 120); DemoServer s41 = start("2.41.3", 120)) {
            String q = "/api/tracker/trackedEntities?program=" + hiv(s42) + "&orgUnits=" + roots(s42, ",")
                    + "&orgUnitMode=DESCENDANTS&fields=trackedEntity&pageSize=5";
            JsonNode first = new DemoClient(s42).json(q);
            JsonNode pager = first.get("pager");
            assertFalse(pager.has("prevPage"));
            assertTrue(pager.get("nextPage").asText().endsWith("&page=2"), pager::toString);
            assertFalse(first.has("page"));
            JsonNode second = new DemoClient(s42).json(q + "&page=2");
            assertTrue(second.get("pager").get("prevPage").asText().endsWith("&page=1"));
            List<String> newest = list(first, "trackedEntities");
            List<String> oldest = list(new DemoClient(s41).json(q), "trackedEntities");
            List<String> visible = s42.dataset().visibleEntities(DemoProgramKind.HIV_CARE);
            assertEquals(visible.subList(0, 5), oldest);
            assertEquals(visible.get(visible.size() - 1), newest.get(0));
            JsonNode last = new DemoClient(s42).json(q.replace("pageSize=5", "pageSize=1000"));
            assertFalse(last.get("pager").has("nextPage"));
        }
    }

    @Test
    void withoutProgramOnlyTypeAttributesAndUnsimulatedParametersAreRefused() throws Exception {
        try (DemoServer s = start("2.41.3", 80)) {
            DemoClient c = new DemoClient(s);
            JsonNode page = c.json("/api/tracker/trackedEntities?trackedEntityType=" + s.dataset()
                    .trackedEntityTypeUid() + "&orgUnitMode=CAPTURE&fields=attributes[code]&pageSize=200");
            for (JsonNode te : page.get("trackedEntities")) {
                for (JsonNode a : te.get("attributes")) {
                    assertTrue(a.path("code").asText().startsWith("MMD_PER") || a.path("code").asText()
                            .equals("PHONE_NUMBER"), a::toString);
                }
            }
            assertEquals(400, c.api("/api/tracker/trackedEntities?orgUnitMode=CAPTURE").statusCode());
            HttpResponse<String> order = c.api("/api/tracker/trackedEntities?program=" + hiv(s)
                    + "&orgUnitMode=CAPTURE&order=updatedAt:desc");
            assertEquals(400, order.statusCode());
            assertTrue(order.body().contains("does not simulate"), order.body());
            String nutrition = s.dataset().programUid(DemoProgramKind.NUTRITION);
            assertEquals(403, c.api("/api/tracker/trackedEntities?program=" + nutrition + "&orgUnitMode=CAPTURE")
                    .statusCode());
        }
    }

    @Test
    void oldApiPagerOnlyWithTotalPagesAndOldFieldNames() throws Exception {
        try (DemoServer s = start("2.39.5", 150)) {
            DemoClient c = new DemoClient(s);
            String q = "/api/trackedEntityInstances?program=" + hiv(s) + "&ou=" + roots(s, ";")
                    + "&ouMode=DESCENDANTS&pageSize=10";
            assertFalse(c.json(q).has("pager"));
            JsonNode withPager = c.json(q + "&totalPages=true");
            JsonNode pager = withPager.get("pager");
            assertEquals(s.dataset().visibleEntities(DemoProgramKind.HIV_CARE).size(), pager.get("total").asInt());
            JsonNode te = withPager.get("trackedEntityInstances").get(0);
            for (String field : List.of("trackedEntityInstance", "created", "lastUpdated", "orgUnit", "attributes",
                    "enrollments", "programOwners")) {
                assertTrue(te.has(field), field);
            }
            JsonNode enrollment = te.get("enrollments").get(0);
            assertTrue(enrollment.has("enrollmentDate") && enrollment.has("incidentDate"), enrollment::toString);
        }
    }

    static Set<String> uids(JsonNode page, String key) {
        return new HashSet<>(list(page, key));
    }

    static List<String> list(JsonNode page, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode te : page.get(key)) {
            out.add(te.has("trackedEntity") ? te.get("trackedEntity").asText()
                    : te.get("trackedEntityInstance").asText());
        }
        return out;
    }
}
