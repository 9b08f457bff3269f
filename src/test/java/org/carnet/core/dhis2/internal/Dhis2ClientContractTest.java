package org.carnet.core.dhis2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.carnet.core.dhis2.ApiStrategy;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.dhis2.DownloadRequest;
import org.carnet.core.dhis2.DownloadSummary;
import org.carnet.core.dhis2.EnrollmentPreview;
import org.carnet.core.dhis2.TrackedEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract tests for every DHIS2 version 2.36 to 2.43 against a loopback server that answers with the fixture shapes
 * of that version: connection test, programs, the exact download parameters, paging to the end across short and empty
 * pages, soft-deleted tombstones, Basic with session-cookie reuse and personal access tokens.
 */
class Dhis2ClientContractTest {
    static final String PROGRAM = "IpHINAT79UW";
    static final String ROOT = "YuQRtpLP10I";

    static HttpDhis2Client client(FixtureServer s, Credentials c) throws Exception {
        return new HttpDhis2Client(ConnectionSettings.of(s.url(), c).withRetries(3, Duration.ofMillis(1)), d -> { });
    }

    static Credentials basic() {
        return new Credentials.Basic(FixtureServer.USER, FixtureServer.PASSWORD.toCharArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.37.9.1", "2.38.7", "2.39.5", "2.40.4.1", "2.41.0.1", "2.42.1", "2.43.0"})
    void connectionTestReportsVersionDateUserAndTrackerPrograms(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            ConnectionTest t = c.testConnection();
            assertEquals(version, t.server().version().raw());
            assertTrue(t.server().serverDate().getYear() >= 2024, "server date parsed");
            assertEquals("android", t.user().username(), "username from userCredentials or top level");
            assertEquals(2, t.programmesAvailable(), "WITHOUT_REGISTRATION programs are not counted");
            assertEquals(List.of(ROOT), t.orgUnits().stream().map(o -> o.id()).toList());
            String meFields = s.requestsTo("me").get(0).getUrl().queryParameter("fields");
            assertEquals(t.server().version().minor() < 42, meFields.contains("userCredentials"), meFields);
            for (RecordedRequest r : s.requests) {
                assertEquals("GET", r.getMethod());
                assertEquals("application/json", r.getHeaders().get("Accept"));
                assertEquals("XMLHttpRequest", r.getHeaders().get("X-Requested-With"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.39.5", "2.40.4.1", "2.41.0.1", "2.42.1", "2.43.0"})
    void programsKeepTrackerProgramsWithTheirAttributesInOrder(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            List<Dhis2Program> programs = c.programs();
            assertEquals(List.of("IpHINAT79UW", "TpRIN3TE9UW"), programs.stream().map(Dhis2Program::id).toList());
            Dhis2Program child = programs.get(0);
            assertEquals(2, child.attributes().size());
            assertEquals("cejWyOfXge6", child.attributes().get(0).id());
            assertNull(child.attributes().get(0).code(), "a missing code stays missing");
            HttpUrl q = s.requestsTo("programs").get(0).getUrl();
            assertEquals("false", q.queryParameter("paging"));
            assertEquals("programType:eq:WITH_REGISTRATION", q.queryParameter("filter"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.37.9.1", "2.38.7", "2.39.5", "2.40.4.1", "2.41.0.1", "2.42.1", "2.43.0"})
    void downloadPagesToTheEndAcrossShortAndEmptyPagesWithTheVersionsParameters(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            s.entityCount.put(PROGRAM, 530);
            for (int i = 100; i < 200; i++) {
                s.ownershipFiltered.add(i); // page 2 comes back empty (at page size 100)
            }
            for (int i = 300; i < 340; i++) {
                s.ownershipFiltered.add(i); // page 4 is short
            }
            s.deleted.add(7);
            List<TrackedEntity> got = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            LocalDateTime since = LocalDateTime.of(2024, 7, 1, 8, 30, 15, 250_000_000);
            DownloadSummary summary = c.download(DownloadRequest.since(PROGRAM, since), (page, entities, expected) -> {
                got.addAll(entities);
                pageSizes.add(entities.size());
            });
            Set<String> uids = new HashSet<>();
            got.forEach(e -> assertTrue(uids.add(e.uid()), "each uid once"));
            assertEquals(530 - 100 - 40, uids.size(), "every visible entity, past the empty and short pages");
            assertTrue(got.stream().anyMatch(e -> e.uid().equals(FixtureServer.uid(7)) && e.deleted()),
                    "soft-deleted tombstones are delivered");
            assertEquals(6, summary.pages());
            assertEquals(c.serverInfo().serverDate().minusMinutes(5), summary.nextCursor(),
                    "next cursor = server date at start minus the overlap");
            assertTrue(pageSizes.contains(0), "an empty page did not stop the download");
            assertTrue(got.get(got.size() - 1).attributes().size() >= 1, "attributes parsed");

            ApiStrategy strategy = c.serverInfo().version().strategy();
            String path = strategy == ApiStrategy.OLD_TRACKED_ENTITY_INSTANCES ? "trackedEntityInstances"
                    : "tracker/trackedEntities";
            List<RecordedRequest> pages = s.requestsTo(path);
            assertEquals(6, pages.size());
            HttpUrl first = pages.get(0).getUrl();
            assertEquals(PROGRAM, first.queryParameter("program"));
            assertEquals("true", first.queryParameter("includeDeleted"));
            assertEquals("100", first.queryParameter("pageSize"));
            assertEquals("1", first.queryParameter("page"));
            assertNull(first.queryParameter("skipPaging"));
            assertNull(first.queryParameter("paging"));
            assertNull(first.queryParameter("order"));
            assertEquals("6", pages.get(5).getUrl().queryParameter("page"));
            Set<String> names = first.queryParameterNames();
            switch (strategy) {
                case OLD_TRACKED_ENTITY_INSTANCES -> {
                    assertEquals(ROOT, first.queryParameter("ou"));
                    assertEquals("DESCENDANTS", first.queryParameter("ouMode"));
                    assertEquals("2024-07-01T08:30:15.250", first.queryParameter("lastUpdatedStartDate"));
                    assertEquals("true", first.queryParameter("totalPages"));
                    assertTrue(first.queryParameter("fields").startsWith("trackedEntityInstance,"));
                    assertFalse(names.contains("updatedAfter"));
                }
                case NEW_INSTANCES -> {
                    assertEquals(ROOT, first.queryParameter("orgUnit"));
                    assertEquals("DESCENDANTS", first.queryParameter("ouMode"));
                    assertEquals("2024-07-01T08:30:15.250", first.queryParameter("updatedAfter"));
                    assertEquals("true", first.queryParameter("totalPages"));
                    assertFalse(names.contains("orgUnits") || names.contains("orgUnitMode"));
                }
                case NEW_PAGER_AND_FLAT, NEW_PAGER -> {
                    assertEquals(ROOT, first.queryParameter("orgUnits"));
                    assertEquals("DESCENDANTS", first.queryParameter("orgUnitMode"));
                    assertEquals("2024-07-01T08:30:15.250", first.queryParameter("updatedAfter"));
                    assertFalse(names.contains("ouMode") || names.contains("orgUnit") || names.contains("ou"),
                            "2.41+ never receive the old names (2.42 would silently widen the scope)");
                    assertEquals(strategy == ApiStrategy.NEW_PAGER ? null : "true",
                            first.queryParameter("totalPages"), "2.42+ follow nextPage without the count query");
                }
                default -> throw new AssertionError(strategy);
            }
            for (RecordedRequest r : pages.subList(1, pages.size())) {
                assertNull(r.getUrl().queryParameter("totalPages"), "the count query runs once");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.38.7", "2.41.0.1", "2.43.0"})
    void personalAccessTokenIsSentOnEveryRequestAndNoSessionIsKept(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version);
                HttpDhis2Client c = client(s, new Credentials.Token(FixtureServer.TOKEN.toCharArray()))) {
            s.entityCount.put(PROGRAM, 30);
            c.testConnection();
            c.download(DownloadRequest.full(PROGRAM), (p, e, x) -> { });
            for (RecordedRequest r : s.requests) {
                assertEquals("ApiToken " + FixtureServer.TOKEN, r.getHeaders().get("Authorization"));
                assertNull(r.getHeaders().get("Cookie"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.40.4.1", "2.42.1"})
    void basicAuthIsReplacedByTheSessionCookieAfterTheFirstAnswer(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            c.testConnection();
            List<RecordedRequest> r = s.requests;
            assertTrue(r.get(0).getHeaders().get("Authorization").startsWith("Basic "));
            assertNull(r.get(0).getHeaders().get("Cookie"));
            for (RecordedRequest later : r.subList(1, r.size())) {
                assertNull(later.getHeaders().get("Authorization"), "cookie instead of a BCrypt check per request");
                assertTrue(later.getHeaders().get("Cookie").startsWith("JSESSIONID="));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.39.5", "2.41.0.1", "2.43.0"})
    void enrollmentPreviewGivesTheFirstEntitiesAndTheTotal(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            s.entityCount.put(PROGRAM, 240);
            EnrollmentPreview p = c.enrollmentPreview(PROGRAM, 5);
            assertEquals(240, p.total());
            assertEquals(5, p.first().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.37.9.1", "2.42.1"})
    void anExpiredSessionFallsBackToBasicOnce(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            c.serverInfo();
            assertTrue(c.transport().hasSession());
            s.enqueue("me", new mockwebserver3.MockResponse.Builder().code(302)
                    .addHeader("Location", s.server.url("/login/").toString()).build());
            assertEquals("android", c.currentUser().username());
            List<RecordedRequest> me = s.requestsTo("me");
            assertEquals(2, me.size());
            assertTrue(me.get(1).getHeaders().get("Authorization").startsWith("Basic "));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13.2", "2.37.9.1"})
    void tokensOnVersionsWithoutThemAreReportedAsTokenProblems(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version);
                HttpDhis2Client c = client(s, new Credentials.Token(FixtureServer.TOKEN.toCharArray()))) {
            var e = assertThrows(org.carnet.core.dhis2.Dhis2AuthenticationException.class, c::testConnection);
            assertEquals(org.carnet.core.dhis2.Dhis2AuthenticationException.Reason.TOKEN_INVALID, e.reason());
            assertInstanceOf(String.class, e.serverMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.38.7", "2.43.0"})
    void optionSetsAreFetchedSoCardsCanPrintNamesInsteadOfCodes(String version) throws Exception {
        try (FixtureServer s = new FixtureServer(version); HttpDhis2Client c = client(s, basic())) {
            String programs = """
                    {"programs":[{"id":"IpHINAT79UW","displayName":"Vaccination","code":"VAC","programType":
                    "WITH_REGISTRATION","access":{"data":{"read":true}},"programTrackedEntityAttributes":[
                    {"sortOrder":2,"mandatory":true,"trackedEntityAttribute":{"id":"cejWyOfXge6","code":"MMD_PER_SEX",
                    "displayName":"Sexe","valueType":"TEXT","optionSetValue":true,"optionSet":{"id":"pC3N9N77UmT"}}},
                    {"sortOrder":1,"trackedEntityAttribute":{"id":"w75KJ2mc4zz","code":"MMD_PER_NAM",
                    "displayName":"Prénom","valueType":"TEXT","confidential":true}}]},
                    {"id":"TpRIN3TE9UW","displayName":"No data access","programType":"WITH_REGISTRATION",
                    "access":{"data":{"read":false}}}]}""";
            s.enqueue("programs", FixtureServer.json(200, programs));
            s.enqueue("optionSets", FixtureServer.json(200, """
                    {"optionSets":[{"id":"pC3N9N77UmT","options":[{"code":"F","displayName":"Féminin"},
                    {"code":"M","displayName":"Masculin"}]}]}"""));
            List<Dhis2Program> list = c.programs();
            assertEquals(1, list.size(), "programs without data read access are left out");
            Dhis2Program p = list.get(0);
            assertEquals("VAC", p.code());
            assertEquals(List.of("MMD_PER_NAM", "MMD_PER_SEX"), p.attributes().stream().map(a -> a.code()).toList(),
                    "program order (sortOrder)");
            assertTrue(p.attributes().get(0).confidential());
            assertTrue(p.attributes().get(1).mandatory());
            assertEquals("pC3N9N77UmT", p.attributes().get(1).optionSetId());
            assertEquals("Féminin", p.attributes().get(1).options().get(0).displayName());
            assertEquals("id:in:[pC3N9N77UmT]", s.requestsTo("optionSets").get(0).getUrl().queryParameter("filter"));
        }
    }
}
