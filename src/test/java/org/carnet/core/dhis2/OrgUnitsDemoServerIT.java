package org.carnet.core.dhis2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoRequest;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The org units of the demo user on every release: the subtrees of the capture and search org units (régions and a
 * nested département), with the hierarchy's levels, and every enrollment of downloaded tracked entities placed in the
 * tree under a district (level 3) and a region (level 2).
 */
class OrgUnitsDemoServerIT {

    private static Dhis2Client basic(DemoServer s) throws Exception {
        return Dhis2Clients.connect(ConnectionSettings.of(s.baseUrl(),
                new Credentials.Basic(s.username(), s.password().toCharArray()))
                .withRetries(3, Duration.ofMillis(1)).withPageSize(50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.36.13", "2.38.7", "2.40.4", "2.41.3", "2.42.1", "2.43.0"})
    void everyEnrollmentOrgUnitIsInTheTreeUnderADistrict(String version) throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(100).withPort(0));
                Dhis2Client c = basic(s)) {
            List<OrgUnit> units = c.orgUnits();
            OrgUnitTree tree = OrgUnitTree.of(units);
            assertEquals(units.size(), tree.size(), "each unit once");

            // scope: the capture and search units (regions, one nested department) and everything below
            Set<String> roots = new HashSet<>(s.dataset().captureOrgUnitUids());
            roots.addAll(s.dataset().searchOrgUnitUids());
            for (String root : roots) {
                assertTrue(tree.unit(root).isPresent(), "root " + root + " on " + version);
            }
            assertTrue(units.stream().allMatch(u -> roots.stream().anyMatch(r -> u.path().contains("/" + r))),
                    "nothing outside the user's org units");
            Map<Integer, Long> levels = tree.countByLevel();
            assertEquals(Set.of(2, 3, 4), levels.keySet(), "régions, départements, communes; not the country");
            assertEquals(4, tree.maxLevel());
            assertEquals(6L, levels.get(OrgUnitTree.DEFAULT_REGION_LEVEL), "3 capture + 3 search regions");
            assertTrue(levels.get(OrgUnitTree.DEFAULT_DISTRICT_LEVEL) > levels.get(2));
            assertTrue(levels.get(4) > levels.get(3));
            for (OrgUnit u : units) {
                assertTrue(u.path().endsWith("/" + u.id()), u.path());
                assertEquals(u.path().split("/").length - 1, u.level(), "level = depth of the path");
                assertNotNull(u.displayName());
                assertNotNull(u.code(), "codes come with the units");
            }
            assertFalse(tree.toString().contains(units.get(0).id()), "toString shows counts only");

            // the enrollments of downloaded tracked entities
            // the enrollments of a few downloaded tracked entities of each program
            int placed = 0;
            int transferred = 0;
            for (DemoProgramKind kind : List.of(DemoProgramKind.VACCINATION, DemoProgramKind.ANTENATAL_CARE,
                    DemoProgramKind.HIV_CARE)) {
                String program = s.dataset().programUid(kind);
                List<TrackedEntity> got = new ArrayList<>();
                c.download(DownloadRequest.full(program), (page, entities, expected) -> got.addAll(entities));
                List<TrackedEntity> some = got.stream().filter(e -> e.activeIn(program)).limit(10).toList();
                assertFalse(some.isEmpty(), kind + " on " + version);
                for (TrackedEntity e : some) {
                    for (Enrollment en : e.enrollmentsIn(program)) {
                        String ou = en.orgUnit();
                        assertEquals(s.dataset().orgUnitUid(e.uid()), ou, "enrolled at the registering unit");
                        String owner = s.dataset().ownerOrgUnitUid(e.uid(), kind);
                        if (tree.unit(ou).isEmpty()) {
                            // DHIS2 ownership transfer: the entity is visible through its new owner, while the
                            // enrollment keeps its org unit, outside the user's org units
                            assertTrue(!owner.equals(ou), "only a transferred enrollment lies outside: " + ou);
                            assertTrue(tree.ancestorAtLevel(owner, OrgUnitTree.DEFAULT_DISTRICT_LEVEL).isPresent());
                            transferred++;
                            continue;
                        }
                        placed++;
                        OrgUnit unit = tree.unit(ou).orElseThrow();
                        assertEquals(4, unit.level(), "enrolled at a commune");
                        OrgUnit district = tree.ancestorAtLevel(ou, OrgUnitTree.DEFAULT_DISTRICT_LEVEL).orElseThrow(
                                () -> new AssertionError("no district above " + ou + " on " + version));
                        OrgUnit region = tree.ancestorAtLevel(ou, OrgUnitTree.DEFAULT_REGION_LEVEL).orElseThrow();
                        assertEquals(3, district.level());
                        assertEquals(2, region.level());
                        assertTrue(unit.within(district));
                        assertTrue(district.within(region));
                        assertEquals(List.of(region, district), tree.ancestors(ou),
                                "root first; the country is outside the user's org units");
                    }
                }
            }
            assertTrue(placed >= 15, "enrollments placed under a district: " + placed + " (" + transferred
                    + " transferred out) on " + version);

            assertFalse(s.requests().anyWrite(), "GET only");
            List<DemoRequest> calls = s.requests().matching("/api/organisationUnits");
            assertFalse(calls.isEmpty());
            for (DemoRequest r : calls) {
                assertEquals(200, r.status(), r.path() + " answered " + r.status());
                assertEquals("id,code,path,displayName,level", r.param("fields"));
                assertEquals("1000", r.param("pageSize"));
                assertTrue(r.param("filter").startsWith("path:like:"), r.param("filter"));
            }
            assertEquals(roots.size() - 1, calls.size(), "one page per root; the nested department is not walked");
        }
    }
}
