package org.carnet.core.dhis2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2ForbiddenException;
import org.carnet.core.dhis2.Dhis2MalformedReplyException;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.OrgUnitTree;
import org.junit.jupiter.api.Test;

/**
 * {@code orgUnits()} against the real {@code /api/organisationUnits} reply shapes (2.41 pages of 1000, the Android SDK
 * export without pager): paging, empty pages, servers that ignore paging, the page cap, the user's scope, and
 * malformed replies.
 */
class OrgUnitsFixtureTest {
    static final String ROOT = Dhis2ClientContractTest.ROOT;
    static final String PATH = "organisationUnits";

    static HttpDhis2Client client(FixtureServer s) throws Exception {
        return Dhis2ClientContractTest.client(s, Dhis2ClientContractTest.basic());
    }

    static HttpDhis2Client noRetry(FixtureServer s) throws Exception {
        return new HttpDhis2Client(ConnectionSettings.of(s.url(), Dhis2ClientContractTest.basic())
                .withRetries(0, Duration.ofMillis(1)), d -> { });
    }

    static MockResponse page(String fixture) {
        return FixtureServer.json(200, FixtureServer.fixture("metadata/" + fixture));
    }

    /** A page of {@code count} units below the fixture root, with a pager saying what the test wants. */
    static ObjectNode units(int first, int count, Map<String, Object> pager) {
        ObjectNode body = FixtureServer.JSON.createObjectNode();
        if (pager != null) {
            ObjectNode p = body.putObject("pager");
            pager.forEach((k, v) -> p.set(k, FixtureServer.JSON.valueToTree(v)));
        }
        ArrayNode a = body.putArray("organisationUnits");
        for (int i = first; i < first + count; i++) {
            String id = String.format("Ou%09d", i);
            a.addObject().put("id", id).put("displayName", "Unit " + i).put("level", 4)
                    .put("path", "/ImspTQPwCqd/O6uvpzGd5pu/" + ROOT + "/" + id);
        }
        return body;
    }

    @Test
    void pagesAcrossThe241PagesWithTheRightParameters() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH, page("organisation-units-2.41-page1.json"), page("organisation-units-2.41-page2.json"));
            List<OrgUnit> units = c.orgUnits();
            assertEquals(1332, units.size(), "both pages, pager total 1332");
            assertEquals(1332, new HashSet<>(units.stream().map(OrgUnit::id).toList()).size());
            OrgUnit first = units.get(0);
            assertEquals("Rp268JB6Ne4", first.id());
            assertEquals("Adonkia CHP", first.displayName(), "displayName falls back to name");
            assertEquals("/Rp268JB6Ne4", first.path(), "no path in the reply: /uid, as for /api/me");
            assertEquals(0, first.level(), "unknown level");
            assertNull(first.code());
            assertEquals("Zimmi CHC", units.get(units.size() - 1).displayName());

            List<RecordedRequest> requests = s.requestsTo(PATH);
            assertEquals(2, requests.size(), "no request after the last page");
            for (int i = 0; i < requests.size(); i++) {
                HttpUrl u = requests.get(i).getUrl();
                assertEquals("GET", requests.get(i).getMethod());
                assertEquals("id,code,path,displayName,level", u.queryParameter("fields"));
                assertEquals("1000", u.queryParameter("pageSize"));
                assertEquals(String.valueOf(i + 1), u.queryParameter("page"));
                assertEquals("path:like:" + ROOT, u.queryParameter("filter"), "restricted to the user's root");
                assertNull(u.queryParameter("paging"), "never paging=false");
            }
        }
    }

    @Test
    void readsTheFullShapeWithoutPagerInOneRequestAndKeepsTheUsersScope() throws Exception {
        try (FixtureServer s = new FixtureServer("2.38.7"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH, page("organisation-units-android-sdk.json"));
            List<OrgUnit> units = c.orgUnits();
            assertEquals(List.of(ROOT, "DiszpKrYNg8", "g8upMTyEZGZ"), units.stream().map(OrgUnit::id).toList());
            OrgUnit chc = units.get(1);
            assertEquals(new OrgUnit("DiszpKrYNg8", "/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/DiszpKrYNg8",
                    "Ngelehun CHC", 4, "OU_559"), chc);
            assertEquals(1, s.requestsTo(PATH).size(), "no pager: everything came at once");
            OrgUnitTree tree = OrgUnitTree.of(units);
            assertEquals(ROOT, tree.ancestorAtLevel("DiszpKrYNg8", OrgUnitTree.DEFAULT_DISTRICT_LEVEL)
                    .orElseThrow().id());
            assertEquals(Map.of(3, 1L, 4, 2L), tree.countByLevel());
        }
    }

    @Test
    void unitsOutsideTheUsersRootsAreDropped() throws Exception {
        try (FixtureServer s = new FixtureServer("2.40.4.1"); HttpDhis2Client c = client(s)) {
            ObjectNode body = units(0, 3, null);
            // a server that ignored the filter: a unit of another district and the country itself
            ((ArrayNode) body.get("organisationUnits")).addObject().put("id", "Other000001").put("level", 4)
                    .put("path", "/ImspTQPwCqd/O6uvpzGd5pu/Elsewhere01/Other000001");
            ((ArrayNode) body.get("organisationUnits")).addObject().put("id", "ImspTQPwCqd").put("level", 1)
                    .put("path", "/ImspTQPwCqd");
            ((ArrayNode) body.get("organisationUnits")).addObject().put("name", "no uid");
            s.enqueue(PATH, FixtureServer.json(200, body));
            assertEquals(List.of("Ou000000000", "Ou000000001", "Ou000000002"),
                    c.orgUnits().stream().map(OrgUnit::id).toList());
        }
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverThePagerSays() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH,
                    FixtureServer.json(200, units(0, 1000, Map.of("page", 1, "pageCount", 5, "total", 5000,
                            "pageSize", 1000, "nextPage", "http://x/api/organisationUnits?page=2"))),
                    FixtureServer.json(200, units(0, 0, Map.of("page", 2, "pageCount", 5, "total", 5000,
                            "pageSize", 1000, "nextPage", "http://x/api/organisationUnits?page=3"))),
                    FixtureServer.json(200, units(1000, 10, null)));
            assertEquals(1000, c.orgUnits().size());
            assertEquals(2, s.requestsTo(PATH).size(), "stopped on the empty page");
        }
    }

    @Test
    void aPagerWithoutPageCountOrNextPageIsFollowedByTotal() throws Exception {
        try (FixtureServer s = new FixtureServer("2.39.5"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH,
                    FixtureServer.json(200, units(0, 1000, Map.of("page", 1, "total", 2300, "pageSize", 1000))),
                    FixtureServer.json(200, units(1000, 1000, Map.of("page", 2, "total", 2300))),
                    FixtureServer.json(200, units(2000, 300, Map.of("page", 3, "total", 2300))),
                    FixtureServer.json(200, units(9000, 5, Map.of("page", 4, "total", 2300))));
            assertEquals(2300, c.orgUnits().size());
            assertEquals(3, s.requestsTo(PATH).size());
        }
    }

    @Test
    void aBarePagerIsFollowedWhilePagesAreFull() throws Exception {
        try (FixtureServer s = new FixtureServer("2.37.9.1"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH,
                    FixtureServer.json(200, units(0, 1000, Map.of("page", 1))),
                    FixtureServer.json(200, units(1000, 999, Map.of("page", 2))),
                    FixtureServer.json(200, units(9000, 5, Map.of("page", 3))));
            assertEquals(1999, c.orgUnits().size());
            assertEquals(2, s.requestsTo(PATH).size(), "a short page is the last");
        }
    }

    @Test
    void aServerIgnoringThePageParameterDoesNotLoopForever() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            for (int i = 0; i < 5; i++) {
                s.enqueue(PATH, page("organisation-units-2.41-page1.json"));
            }
            assertEquals(1000, c.orgUnits().size());
            assertEquals(2, s.requestsTo(PATH).size(), "a page with nothing new ends the walk");
        }
    }

    @Test
    void aServerAnnouncingPagesForeverIsCappedAt200() throws Exception {
        try (FixtureServer s = new FixtureServer("2.43.0"); HttpDhis2Client c = client(s)) {
            for (int i = 0; i < HttpDhis2Client.MAX_ORG_UNIT_PAGES + 5; i++) {
                s.enqueue(PATH, FixtureServer.json(200, units(i, 1, Map.of("page", i + 1,
                        "nextPage", "http://x/api/organisationUnits?page=" + (i + 2)))));
            }
            assertEquals(200, c.orgUnits().size());
            assertEquals(200, s.requestsTo(PATH).size());
        }
    }

    @Test
    void manyRootsAreReadInOneUnfilteredWalkKeptLocally() throws Exception {
        try (FixtureServer s = new FixtureServer("2.40.4.1"); HttpDhis2Client c = client(s)) {
            ObjectNode me = (ObjectNode) FixtureServer.fixture("me/me-2.38-style-android-sdk.json");
            ArrayNode capture = me.putArray("organisationUnits");
            for (int i = 0; i < HttpDhis2Client.MAX_FILTERED_ROOTS + 1; i++) {
                String id = String.format("Ou%09d", i * 2);
                capture.addObject().put("id", id).put("path", "/ImspTQPwCqd/O6uvpzGd5pu/" + ROOT + "/" + id);
            }
            s.enqueue("me", FixtureServer.json(200, me));
            s.enqueue(PATH, FixtureServer.json(200, units(0, 100, Map.of("page", 1, "pageCount", 1))));
            List<OrgUnit> units = c.orgUnits();
            assertEquals(HttpDhis2Client.MAX_FILTERED_ROOTS + 1, units.size(), "only the even units are roots");
            assertTrue(units.stream().allMatch(u -> Integer.parseInt(u.id().substring(2)) % 2 == 0));
            assertEquals(1, s.requestsTo(PATH).size());
            assertNull(s.requestsTo(PATH).get(0).getUrl().queryParameter("filter"));
        }
    }

    @Test
    void aUserWithoutOrgUnitsSeesNoneWithoutAsking() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            ObjectNode me = (ObjectNode) FixtureServer.fixture("me/me-2.38-style-android-sdk.json");
            me.putArray("organisationUnits");
            me.putArray("teiSearchOrganisationUnits");
            s.enqueue("me", FixtureServer.json(200, me));
            assertEquals(List.of(), c.orgUnits());
            assertEquals(0, s.requestsTo(PATH).size());
        }
    }

    @Test
    void searchOrgUnitsWidenTheScopeAndNestedRootsAreWalkedOnce() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            ObjectNode me = (ObjectNode) FixtureServer.fixture("me/me-2.38-style-android-sdk.json");
            me.putArray("teiSearchOrganisationUnits")
                    .add(FixtureServer.JSON.createObjectNode().put("id", "O6uvpzGd5pu")
                            .put("path", "/ImspTQPwCqd/O6uvpzGd5pu"))
                    .add(FixtureServer.JSON.createObjectNode().put("id", "Other000001")
                            .put("path", "/ImspTQPwCqd/Other000001"));
            s.enqueue("me", FixtureServer.json(200, me));
            s.enqueue(PATH, FixtureServer.json(200, units(0, 2, Map.of("page", 1, "pageCount", 1))),
                    FixtureServer.json(200, units(2, 2, Map.of("page", 1, "pageCount", 1))));
            assertEquals(4, c.orgUnits().size());
            Set<String> filters = new HashSet<>();
            s.requestsTo(PATH).forEach(r -> filters.add(r.getUrl().queryParameter("filter")));
            assertEquals(Set.of("path:like:O6uvpzGd5pu", "path:like:Other000001"), filters,
                    "the capture root lies inside a search root: walked once");
        }
    }

    @Test
    void malformedRepliesAreTyped() throws Exception {
        Map<String, MockResponse> bad = Map.of(
                "invalid JSON", FixtureServer.json(200, "{\"organisationUnits\": [ {\"id\": \"a\" ]}"),
                "not an object", FixtureServer.json(200, "[{\"id\": \"a\"}]"),
                "no collection", FixtureServer.json(200, "{\"pager\": {\"page\": 1}}"),
                "collection not an array", FixtureServer.json(200, "{\"organisationUnits\": {\"id\": \"a\"}}"),
                "non-object element", FixtureServer.json(200, "{\"organisationUnits\": [\"a\", \"b\"]}"),
                "html", FixtureServer.html(200, "<html><body>captive portal</body></html>"),
                "truncated", FixtureServer.json(200, "{\"pager\": {\"page\": 1}, \"organisationUnits\": [{\"id\""));
        for (Map.Entry<String, MockResponse> e : bad.entrySet()) {
            try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = noRetry(s)) {
                s.enqueue(PATH, e.getValue());
                Dhis2MalformedReplyException x = assertThrows(Dhis2MalformedReplyException.class, c::orgUnits,
                        e.getKey());
                assertEquals("malformed_reply", x.category());
                assertTrue(x.getMessage().contains("/api/organisationUnits"), x.getMessage());
            }
        }
    }

    @Test
    void aTruncatedPageIsRetried() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH, FixtureServer.json(200, "{\"pager\": {\"page\": 1}, \"organisationUnits\": [{\"id\""),
                    page("organisation-units-android-sdk.json"));
            assertEquals(3, c.orgUnits().size());
            assertEquals(2, s.requestsTo(PATH).size());
        }
    }

    @Test
    void refusalsKeepTheirCategory() throws Exception {
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            s.enqueue(PATH, Dhis2ClientErrorsTest.message(403, "Access denied"));
            assertThrows(Dhis2ForbiddenException.class, c::orgUnits);
        }
        try (FixtureServer s = new FixtureServer("2.41.0.1"); HttpDhis2Client c = client(s)) {
            // the session cookie is dropped and Basic tried once more: both refused
            s.enqueue(PATH, Dhis2ClientErrorsTest.webMessage("errors/401-unauthorized.json"),
                    Dhis2ClientErrorsTest.webMessage("errors/401-unauthorized.json"));
            assertThrows(Dhis2AuthenticationException.class, c::orgUnits);
        }
    }
}
