package org.carnet.core.dhis2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.carnet.core.demo.DemoAccount;
import org.carnet.core.demo.DemoFault;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoRequest;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the demo server of every DHIS2 release: a full download of each program sees exactly what the
 * ground truth says a correct sync must see, with no write and the release's own parameters; an incremental
 * download sees the changes; faults on the way are survived; refusals get their own category.
 */
class Dhis2ClientDemoServerIT {
    private static final List<DemoProgramKind> READABLE =
            List.of(DemoProgramKind.VACCINATION, DemoProgramKind.ANTENATAL_CARE, DemoProgramKind.HIV_CARE);

    private static Dhis2Client basic(DemoServer s) throws Exception {
        return Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                new Credentials.Basic(s.username(), s.password().toCharArray()))
                .withRetries(3, Duration.ofMillis(1)).withPageSize(50));
    }

    private static Map<String, TrackedEntity> downloadAll(Dhis2Client c, DownloadRequest request) throws Exception {
        Map<String, TrackedEntity> got = new TreeMap<>();
        c.download(request, (page, entities, expected) -> {
            for (TrackedEntity e : entities) {
                assertTrue(got.put(e.uid(), e) == null, "each uid once per run");
            }
        });
        return got;
    }

    private static Set<String> live(Map<String, TrackedEntity> got, String program) {
        Set<String> s = new HashSet<>();
        got.values().stream().filter(e -> e.activeIn(program)).forEach(e -> s.add(e.uid()));
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.37.9", "2.38.7", "2.39.5", "2.40.4", "2.41.3", "2.42.1", "2.43.0"})
    void everyReleaseDownloadsExactlyWhatACorrectSyncMustSee(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(240).withPort(0));
                Dhis2Client c = basic(s)) {
            ConnectionTest t = c.testConnection();
            assertEquals(version, t.server().version().raw().substring(0, version.length()));
            assertEquals("admin", t.user().username());
            assertEquals(3, t.programmesAvailable(), "three readable Tracker programs, no event program");
            List<Dhis2Program> programs = c.programs();
            Dhis2Program hiv = programs.stream()
                    .filter(p -> p.id().equals(s.dataset().programUid(DemoProgramKind.HIV_CARE))).findFirst()
                    .orElseThrow();
            assertTrue(hiv.attributes().stream().anyMatch(a -> "MMD_PER_NAM".equals(a.code())),
                    "attribute codes of the reference product");

            for (DemoProgramKind kind : READABLE) {
                String program = s.dataset().programUid(kind);
                Map<String, TrackedEntity> got = downloadAll(c, DownloadRequest.full(program));
                assertEquals(new HashSet<>(s.dataset().visibleEntities(kind)), live(got, program), version + " " + kind);
                assertTrue(got.values().stream().allMatch(e -> s.dataset().indexOf(e.uid()) >= 0));
            }
            assertFalse(s.requests().anyWrite(), "GET only");
            ApiStrategy strategy = t.server().version().strategy();
            for (DemoRequest r : s.requests().all()) {
                assertEquals(200, r.status(), r.path() + " answered " + r.status());
                if (strategy != ApiStrategy.OLD_TRACKED_ENTITY_INSTANCES) {
                    assertFalse(r.path().contains("trackedEntityInstances"), "new API on " + version);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.39.5", "2.41.3", "2.43.0"})
    void anIncrementalDownloadSeesUpdatesNewcomersAndDeletions(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(150).withPort(0));
                Dhis2Client c = basic(s)) {
            String program = s.dataset().programUid(DemoProgramKind.ANTENATAL_CARE);
            DownloadSummary first = c.download(DownloadRequest.full(program), (p, e, x) -> { });
            List<String> visible = s.dataset().visibleEntities(DemoProgramKind.ANTENATAL_CARE);
            String updated = visible.get(0);
            String deleted = visible.get(1);
            s.dataset().update(updated);
            s.dataset().softDelete(deleted);
            List<String> added = s.dataset().addEntities(3, DemoProgramKind.ANTENATAL_CARE);

            Map<String, TrackedEntity> got = downloadAll(c, DownloadRequest.since(program, first.nextCursor()));
            assertTrue(got.containsKey(updated), "the update is seen");
            assertTrue(got.get(deleted).deleted(), "the soft deletion arrives as a tombstone");
            assertTrue(got.keySet().containsAll(added), "newcomers are seen");
            assertTrue(got.size() < visible.size(), "an incremental download is not a full one: " + got.size());
        }
    }

    @Test
    void faultsOnTheWayAreSurvivedWithoutLosingAnEntity() throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion("2.41.3").withSize(600).withPort(0));
                Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                        new Credentials.Basic(s.username(), s.password().toCharArray()))
                        .withRetries(3, Duration.ofMillis(1)).withPageSize(10))) {
            String path = "/api/tracker/trackedEntities";
            // rules are taken in order, each after letting one page through
            s.faults().inject(path, 1, DemoFault.status(503), 2);
            s.faults().inject(path, 1, DemoFault.truncatedBody(), 1);
            s.faults().inject(path, 1, DemoFault.dropConnection(), 2);
            s.faults().inject(path, 1, DemoFault.status(504), 1);
            s.faults().inject(path, 1, DemoFault.unauthorized(), 1);
            String program = s.dataset().programUid(DemoProgramKind.VACCINATION);
            Map<String, TrackedEntity> got = downloadAll(c, DownloadRequest.full(program));
            assertEquals(new HashSet<>(s.dataset().visibleEntities(DemoProgramKind.VACCINATION)), live(got, program));
            assertEquals(0, s.faults().pending(), "every fault was met");
            assertFalse(s.requests().anyWrite());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.38.7", "2.40.4", "2.42.1"})
    void personalAccessTokensWorkAndBadOnesAreTokenProblems(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(30).withPort(0))) {
            try (Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                    new Credentials.Token(s.personalAccessToken().toCharArray())))) {
                assertEquals(3, c.testConnection().programmesAvailable());
            }
            try (Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                    new Credentials.Token(s.expiredToken().toCharArray())))) {
                Dhis2AuthenticationException e =
                        assertThrows(Dhis2AuthenticationException.class, c::testConnection);
                assertEquals(Dhis2AuthenticationException.Reason.TOKEN_EXPIRED, e.reason(), e.serverMessage());
            }
            String forged = s.personalAccessToken().substring(0, s.personalAccessToken().length() - 4) + "0000";
            try (Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                    new Credentials.Token(forged.toCharArray())))) {
                Dhis2AuthenticationException e =
                        assertThrows(Dhis2AuthenticationException.class, c::testConnection);
                assertEquals(Dhis2AuthenticationException.Reason.TOKEN_INVALID, e.reason(), e.serverMessage());
            }
        }
    }

    @Test
    void refusalsAndUnreachableServersGetTheirOwnCategory() throws Exception {
        List<Dhis2Exception> seen = new ArrayList<>();
        String url;
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion("2.40.4").withSize(20).withPort(0)
                .withAccounts(DemoAccount.locked("awa", "Secret-1"), DemoAccount.twoFactor("moussa", "Secret-2")))) {
            url = s.baseUrl();
            for (String[] userPassword : new String[][] {{"admin", "wrong"}, {"awa", "Secret-1"},
                    {"moussa", "Secret-2"}}) {
                try (Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(url,
                        new Credentials.Basic(userPassword[0], userPassword[1].toCharArray())))) {
                    seen.add(assertThrows(Dhis2AuthenticationException.class, c::testConnection));
                }
            }
            assertEquals(3, s.requests().all().stream().filter(r -> r.status() == 401).count(),
                    "a 401 is never retried (DHIS2 locks accounts after repeated failures)");
        }
        assertEquals(Dhis2AuthenticationException.Reason.WRONG_CREDENTIALS,
                ((Dhis2AuthenticationException) seen.get(0)).reason());
        assertEquals(Dhis2AuthenticationException.Reason.LOCKED, ((Dhis2AuthenticationException) seen.get(1)).reason());
        try (Dhis2Client c = Dhis2Clients.connect(ConnectionSettings.of(url,
                new Credentials.Basic("admin", "district".toCharArray())).withRetries(0, Duration.ofMillis(1)))) {
            assertInstanceOf(Dhis2UnreachableException.class,
                    assertThrows(Dhis2Exception.class, c::testConnection), "the server is gone");
        }
    }
}
