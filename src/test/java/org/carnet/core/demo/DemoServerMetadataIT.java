package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Programs, option sets, org units and levels through the metadata API. */
class DemoServerMetadataIT {
    @Test
    void programsOptionSetsAndOrgUnits() throws Exception {
        try (DemoServer s = DemoServer.start(DemoServerConfig.defaults().withVersion("2.40.4.1").withSize(20))) {
            DemoClient c = new DemoClient(s);
            JsonNode all = c.json("/api/programs?paging=false&fields=id,programType");
            assertFalse(all.has("pager"));
            assertEquals(5, all.get("programs").size());
            JsonNode tracker = c.json("/api/programs?paging=false&filter=programType:eq:WITH_REGISTRATION"
                    + "&fields=id,displayName,accessLevel,access[data[read]],programTrackedEntityAttributes["
                    + "trackedEntityAttribute[id,code,displayName,valueType,confidential,optionSetValue,optionSet[id]]]");
            assertEquals(4, tracker.get("programs").size());
            Set<String> optionSets = new HashSet<>();
            int withoutCode = 0;
            boolean protectedHiv = false;
            for (JsonNode p : tracker.get("programs")) {
                if (p.get("id").asText().equals(s.dataset().programUid(DemoProgramKind.HIV_CARE))) {
                    protectedHiv = p.get("accessLevel").asText().equals("PROTECTED");
                }
                if (p.get("id").asText().equals(s.dataset().programUid(DemoProgramKind.NUTRITION))) {
                    assertFalse(p.get("access").get("data").get("read").asBoolean());
                }
                for (JsonNode ptea : p.get("programTrackedEntityAttributes")) {
                    JsonNode a = ptea.get("trackedEntityAttribute");
                    withoutCode += a.has("code") ? 0 : 1;
                    if (a.get("optionSetValue").asBoolean()) {
                        optionSets.add(a.get("optionSet").get("id").asText());
                    }
                }
            }
            assertTrue(protectedHiv);
            assertEquals(1, withoutCode, "exactly one attribute without a code");
            JsonNode sets = c.json("/api/optionSets?paging=false&fields=id,options[code,displayName]&filter=id:in:["
                    + String.join(",", optionSets) + "]");
            assertEquals(optionSets.size(), sets.get("optionSets").size());
            assertTrue(sets.toString().contains("{\"code\":\"F\",\"displayName\":\"Féminin\"}"));
            assertTrue(sets.toString().contains("{\"code\":\"M\",\"displayName\":\"Masculin\"}"));

            String dakar = s.dataset().captureOrgUnitUids().get(0);
            JsonNode page1 = c.json("/api/organisationUnits?fields=id,displayName,level,path&filter=path:like:"
                    + dakar + "&pageSize=10");
            JsonNode pager = page1.get("pager");
            assertEquals(1, pager.get("page").asInt());
            assertEquals(java.util.List.of("page", "pageCount", "total", "pageSize", "nextPage"), names(pager));
            int total = pager.get("total").asInt();
            assertTrue(total > 20 && total < 40, "Dakar region, departments and communes: " + total);
            JsonNode page2 = c.json(pager.get("nextPage").asText().substring(s.baseUrl().length()));
            assertTrue(page2.get("pager").has("prevPage"));
            for (JsonNode ou : page2.get("organisationUnits")) {
                assertTrue(ou.get("path").asText().contains(dakar));
            }
            JsonNode levels = c.json("/api/organisationUnitLevels?fields=level,displayName&paging=false");
            assertEquals("Commune", levels.get("organisationUnitLevels").get(3).get("displayName").asText());
            assertEquals(400, c.api("/api/organisationUnits?filter=colour:eq:blue").statusCode());
        }
    }

    private static java.util.List<String> names(JsonNode node) {
        java.util.List<String> list = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(list::add);
        return list;
    }
}
