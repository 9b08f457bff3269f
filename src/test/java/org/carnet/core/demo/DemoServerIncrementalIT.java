package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mutations an incremental sync must see, soft deletes, and the date-filter precision of each patch release. */
class DemoServerIncrementalIT {
    /** The entity is updated at 10:00:00.500; the client asks for changes since 12:00:00.900 or 10:00:00.900. */
    @ParameterizedTest
    @CsvSource({
        "2.36.13, OLD, true, true", "2.37.9, NEW, true, true", "2.38.4, OLD, true, true",
        "2.38.7, OLD, false, true", "2.39.5, NEW, false, true", "2.39.6, OLD, false, false",
        "2.40.1, NEW, true, true", "2.40.3, NEW, false, true", "2.40.4, OLD, false, false",
        "2.41.3, OLD, false, true", "2.41.3, NEW, false, false", "2.42.1, NEW, false, false",
        "2.43.1, NEW, false, false"})
    void updatedAfterPrecisionFollowsThePatchRelease(String version, String api, boolean dayPrecision,
                                                     boolean secondPrecision) throws Exception {
        TestClock clock = TestClock.dakar("2025-03-14T10:00:00.500Z");
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(200)
                .withClock(clock))) {
            DemoDataset data = s.dataset();
            String uid = data.visibleEntities(DemoProgramKind.VACCINATION).get(0);
            data.update(uid);
            clock.advance(Duration.ofHours(3));
            DemoClient c = new DemoClient(s);
            assertEquals(dayPrecision, changedSince(c, s, api, "2025-03-14T12:00:00.900").contains(uid),
                    "day precision");
            assertEquals(dayPrecision || secondPrecision,
                    changedSince(c, s, api, "2025-03-14T10:00:00.900").contains(uid), "second precision");
            assertTrue(changedSince(c, s, api, "2025-03-14T10:00:00.500").contains(uid), "filters are inclusive");
        }
    }

    private static Set<String> changedSince(DemoClient c, DemoServer s, String api, String cursor) throws Exception {
        DemoDataset data = s.dataset();
        String program = data.programUid(DemoProgramKind.VACCINATION);
        int minor = s.version().minor();
        if (api.equals("OLD")) {
            JsonNode page = c.json("/api/trackedEntityInstances?program=" + program + "&ouMode=CAPTURE"
                    + "&fields=trackedEntityInstance&pageSize=1000&lastUpdatedStartDate=" + cursor);
            return DemoServerTrackerIT.uids(page, "trackedEntityInstances");
        }
        String units = minor >= 41 ? "orgUnitMode=CAPTURE" : "ouMode=CAPTURE";
        JsonNode page = c.json("/api/tracker/trackedEntities?program=" + program + "&" + units
                + "&fields=trackedEntity&pageSize=1000&updatedAfter=" + cursor);
        return DemoServerTrackerIT.uids(page, minor >= 41 ? "trackedEntities" : "instances");
    }

    @Test
    void updatesDeletesAndNewEntitiesShowUpAfterTheCursor() throws Exception {
        TestClock clock = TestClock.dakar("2025-03-14T10:00:00Z");
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion("2.42.1").withSize(300)
                .withClock(clock))) {
            DemoDataset data = s.dataset();
            DemoClient c = new DemoClient(s);
            List<String> visible = data.visibleEntities(DemoProgramKind.ANTENATAL_CARE);
            String updated = visible.get(0);
            String deleted = visible.get(1);
            String withEnrollment = visible.get(2);
            String phoneBefore = attribute(c, s, updated, "PHONE_NUMBER") + attribute(c, s, updated, "MMD_PER_ADR");
            clock.advance(Duration.ofMinutes(5));
            data.update(updated);
            data.softDelete(deleted);
            String enrollment = data.enrollmentUids(withEnrollment).get(0);
            data.softDeleteEnrollment(enrollment);
            List<String> added = data.addEntities(3, DemoProgramKind.ANTENATAL_CARE);
            assertEquals(303, data.size());
            assertTrue(data.isDeleted(deleted));
            assertTrue(data.isEnrollmentDeleted(enrollment));

            String cpn = data.programUid(DemoProgramKind.ANTENATAL_CARE);
            String q = "/api/tracker/trackedEntities?program=" + cpn + "&orgUnitMode=CAPTURE&pageSize=100"
                    + "&fields=trackedEntity,deleted,updatedAt,enrollments[enrollment,deleted]"
                    + "&updatedAfter=2025-03-14T10:04:00.000";
            Set<String> withoutDeleted = DemoServerTrackerIT.uids(c.json(q), "trackedEntities");
            assertTrue(withoutDeleted.contains(updated));
            assertTrue(withoutDeleted.containsAll(added));
            assertFalse(withoutDeleted.contains(deleted));
            JsonNode tombstones = c.json(q + "&includeDeleted=true");
            boolean sawTombstone = false;
            for (JsonNode te : tombstones.get("trackedEntities")) {
                if (te.get("trackedEntity").asText().equals(deleted)) {
                    assertTrue(te.get("deleted").asBoolean());
                    assertEquals("2025-03-14T10:05:00.000", te.get("updatedAt").asText());
                    sawTombstone = true;
                }
                for (JsonNode e : te.get("enrollments")) {
                    if (e.get("enrollment").asText().equals(enrollment)) {
                        assertTrue(e.get("deleted").asBoolean());
                    }
                }
            }
            assertTrue(sawTombstone);
            assertFalse(phoneBefore.equals(attribute(c, s, updated, "PHONE_NUMBER")
                    + attribute(c, s, updated, "MMD_PER_ADR")), "an update changes a value");
            assertEquals(added.get(2), data.entityUid(302), "new entities come last in id order");
        }
    }

    private static String attribute(DemoClient c, DemoServer s, String uid, String code) throws Exception {
        JsonNode page = c.json("/api/tracker/trackedEntities?trackedEntities=" + uid + "&program="
                + s.dataset().programUid(DemoProgramKind.ANTENATAL_CARE) + "&orgUnitMode=CAPTURE"
                + "&fields=attributes[code,value]");
        for (JsonNode a : page.get("trackedEntities").get(0).get("attributes")) {
            if (a.path("code").asText().equals(code)) {
                return a.get("value").asText();
            }
        }
        return "";
    }
}
