package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DHIS2 filters PROTECTED-program rows by ownership after cutting the page: over the search scope the HIV program
 * has short pages and a completely empty page between pages with data. Over the capture scope (what a correct
 * client asks for) every page is full.
 */
class DemoServerOwnershipIT {
    @ParameterizedTest
    @ValueSource(strings = {"2.39.5", "2.41.3", "2.42.1"})
    void searchScopePagesAreShortOrEmptyButDataFollows(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version))) {
            DemoClient c = new DemoClient(s);
            int minor = s.version().minor();
            String hiv = s.dataset().programUid(DemoProgramKind.HIV_CARE);
            String base = "/api/tracker/trackedEntities?program=" + hiv + "&fields=trackedEntity&pageSize=100"
                    + (minor >= 41 ? "&orgUnitMode=ACCESSIBLE" : "&ouMode=ACCESSIBLE");
            String key = minor >= 41 ? "trackedEntities" : "instances";
            List<Integer> sizes = new ArrayList<>();
            for (int page = 1; page <= 12; page++) {
                sizes.add(c.json(base + "&page=" + page).get(key).size());
            }
            int empty = sizes.indexOf(0);
            assertTrue(empty > 0, "an empty page after page 1: " + sizes);
            assertTrue(sizes.subList(empty + 1, sizes.size()).stream().anyMatch(n -> n > 0),
                    "data after the empty page: " + sizes);
            assertTrue(sizes.stream().anyMatch(n -> n > 0 && n < 100), "short pages: " + sizes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.39.5", "2.42.1"})
    void captureScopePagesAreFullAndTransfersGoUnnoticedByIncrementalSync(String version) throws Exception {
        TestClock clock = TestClock.dakar("2025-03-14T10:00:00Z");
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withClock(clock))) {
            DemoClient c = new DemoClient(s);
            DemoDataset data = s.dataset();
            String hiv = data.programUid(DemoProgramKind.HIV_CARE);
            String base = "/api/trackedEntityInstances?program=" + hiv + "&ou=" + String.join(";",
                    data.captureOrgUnitUids()) + "&ouMode=DESCENDANTS&fields=trackedEntityInstance&pageSize=100";
            if (s.version().minor() >= 42) {
                base = "/api/tracker/trackedEntities?program=" + hiv + "&orgUnits=" + String.join(",",
                        data.captureOrgUnitUids()) + "&orgUnitMode=DESCENDANTS&fields=trackedEntity&pageSize=100";
            }
            String key = s.version().minor() >= 42 ? "trackedEntities" : "trackedEntityInstances";
            List<String> all = new ArrayList<>();
            for (int page = 1; ; page++) {
                JsonNode body = c.json(base + "&page=" + page);
                List<String> uids = DemoServerTrackerIT.list(body, key);
                all.addAll(uids);
                if (uids.size() < 100) {
                    break;
                }
            }
            List<String> expected = new ArrayList<>(data.visibleEntities(DemoProgramKind.HIV_CARE));
            if (s.version().minor() >= 42) {
                java.util.Collections.reverse(expected);
            }
            assertEquals(expected, all);

            String moved = expected.get(3);
            var before = data.updatedAt(moved);
            String kaolack = data.searchOrgUnitUids().get(3);
            clock.advance(java.time.Duration.ofHours(1));
            data.transferOwnership(moved, DemoProgramKind.HIV_CARE, kaolack);
            assertEquals(before, data.updatedAt(moved));
            assertFalse(data.visibleEntities(DemoProgramKind.HIV_CARE).contains(moved));
            String since = "2025-03-14T10:30:00.000";
            String incremental = base.contains("trackedEntityInstances") ? base + "&lastUpdatedStartDate=" + since
                    : base + "&updatedAfter=" + since;
            assertEquals(0, c.json(incremental).get(key).size(), "a transfer does not bump updatedAt");
        }
    }
}
