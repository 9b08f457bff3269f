package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 100,000 entities: quick start, small heap, pages anywhere in the range. */
class DemoServerLargeIT {
    @Test
    void hundredThousandEntities() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion("2.42.1").withSize(100_000))) {
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(startMillis < 5_000, "start took " + startMillis + " ms");
            System.gc();
            long retained = rt.totalMemory() - rt.freeMemory() - heapBefore;
            assertTrue(retained < 64L << 20, "dataset retains " + (retained >> 20) + " MiB");
            assertEquals(100_000, s.dataset().size());

            DemoClient c = new DemoClient(s);
            String q = "/api/tracker/trackedEntities?program=" + s.dataset().programUid(DemoProgramKind.HIV_CARE)
                    + "&orgUnits=" + String.join(",", s.dataset().captureOrgUnitUids())
                    + "&orgUnitMode=DESCENDANTS&pageSize=1000&fields=trackedEntity,attributes[code,value],"
                    + "enrollments[enrollment,status]";
            int expected = s.dataset().visibleEntities(DemoProgramKind.HIV_CARE).size();
            JsonNode first = c.json(q + "&page=1&totalPages=true");
            assertEquals(expected, first.get("pager").get("total").asInt());
            int lastPage = first.get("pager").get("pageCount").asInt();
            for (int page : new int[] {2, 3, lastPage / 2, lastPage}) {
                JsonNode body = c.json(q + "&page=" + page);
                int size = body.get("trackedEntities").size();
                assertEquals(page == lastPage ? expected - 1000 * (lastPage - 1) : 1000, size, "page " + page);
            }
        }
    }
}
