package org.carnet.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated data: realistic, full of the cases the MPI and the sync must handle, and deterministic. */
class DemoDatasetTest {
    private static final Pattern UID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]{10}$");

    private static DemoServerConfig config(long seed) {
        return DemoServerConfig.defaults().withVersion("2.41.3").withSeed(seed)
                .withClock(TestClock.dakar("2025-03-14T10:00:00Z"));
    }

    @Test
    void theDataHoldsTheHardCases() throws Exception {
        try (DemoServer s = DemoServer.start(config(42))) {
            DemoDataset data = s.dataset();
            DemoClient c = new DemoClient(s);
            Map<String, JsonNode> entities = new HashMap<>();
            for (DemoProgramKind kind : List.of(DemoProgramKind.VACCINATION, DemoProgramKind.ANTENATAL_CARE,
                    DemoProgramKind.HIV_CARE)) {
                JsonNode page = c.json("/api/tracker/trackedEntities?program=" + data.programUid(kind)
                        + "&orgUnitMode=ACCESSIBLE&paging=false&includeDeleted=true&fields=trackedEntity,deleted,"
                        + "attributes[code,value],enrollments[enrollment,program,status,deleted]");
                page.get("trackedEntities").forEach(te -> entities.put(te.get("trackedEntity").asText(), te));
            }
            int yearOnly = 0;
            int ageOnly = 0;
            int international = 0;
            int local = 0;
            int multiProgram = 0;
            int severalInOneProgram = 0;
            int deletedEnrollments = 0;
            Set<String> statuses = new HashSet<>();
            for (JsonNode te : entities.values()) {
                Map<String, String> a = new HashMap<>();
                te.get("attributes").forEach(x -> a.put(x.path("code").asText(), x.get("value").asText()));
                String dob = a.get("MMD_PER_DOB");
                yearOnly += dob != null && dob.endsWith("-01-01") ? 1 : 0;
                ageOnly += dob == null && a.containsKey("MMD_PER_AGE") ? 1 : 0;
                String phone = a.getOrDefault("PHONE_NUMBER", "");
                international += phone.startsWith("+221") || phone.startsWith("00221") ? 1 : 0;
                local += phone.matches("7[05678][ -]?\\d{3}[ -]?\\d{2}[ -]?\\d{2}") ? 1 : 0;
                Set<String> programs = new HashSet<>();
                Map<String, Integer> perProgram = new HashMap<>();
                for (JsonNode e : te.get("enrollments")) {
                    programs.add(e.get("program").asText());
                    perProgram.merge(e.get("program").asText(), 1, Integer::sum);
                    statuses.add(e.get("status").asText());
                    deletedEnrollments += e.get("deleted").asBoolean() ? 1 : 0;
                }
                multiProgram += programs.size() > 1 ? 1 : 0;
                severalInOneProgram += perProgram.values().stream().anyMatch(n -> n > 1) ? 1 : 0;
                assertTrue(UID.matcher(te.get("trackedEntity").asText()).matches());
            }
            assertTrue(yearOnly > 50, "year-only dates of birth: " + yearOnly);
            assertTrue(ageOnly > 20, "age-only persons: " + ageOnly);
            assertTrue(international > 100 && local > 100, international + " / " + local);
            assertTrue(multiProgram > 20, "same person in several programs: " + multiProgram);
            assertTrue(severalInOneProgram > 10, "several enrollments in one program: " + severalInOneProgram);
            assertTrue(deletedEnrollments > 0);
            assertEquals(Set.of("ACTIVE", "COMPLETED", "CANCELLED"), statuses);
            assertTrue(entities.values().stream().anyMatch(te -> te.get("deleted").asBoolean()));

            int duplicates = 0;
            int spelledDifferently = 0;
            for (int i = 0; i < data.size(); i++) {
                String uid = data.entityUid(i);
                assertEquals(i, data.indexOf(uid));
                List<String> same = data.entitiesOfPerson(data.personId(uid));
                if (same.size() > 1 && same.get(0).equals(uid)) {
                    duplicates++;
                    JsonNode a = entities.get(same.get(0));
                    JsonNode b = entities.get(same.get(1));
                    if (a != null && b != null && !name(a).equals(name(b))) {
                        spelledDifferently++;
                    }
                }
            }
            assertTrue(duplicates > 15, "persons registered twice: " + duplicates);
            assertTrue(spelledDifferently > 5, "duplicates with spelling variants: " + spelledDifferently);
            assertTrue(data.size() - data.personCount() >= duplicates);
            assertEquals(-1, data.indexOf("notAnUid01"));
        }
    }

    private static String name(JsonNode te) {
        StringBuilder s = new StringBuilder();
        te.get("attributes").forEach(a -> {
            String code = a.path("code").asText();
            if (code.equals("MMD_PER_NAM") || code.equals("MMD_PER_LST")) {
                s.append(a.get("value").asText()).append('|');
            }
        });
        return s.toString();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws Exception {
        String query = "/api/tracker/trackedEntities?orgUnitMode=ACCESSIBLE&pageSize=50&page=3&totalPages=true"
                + "&fields=*&program=";
        String first;
        String again;
        String other;
        try (DemoServer a = DemoServer.start(config(42))) {
            first = new DemoClient(a).api(query + a.dataset().programUid(DemoProgramKind.HIV_CARE)).body();
            assertEquals(a.personalAccessToken(), DemoServerConfig.defaults().personalAccessToken());
        }
        try (DemoServer b = DemoServer.start(config(42))) {
            again = new DemoClient(b).api(query + b.dataset().programUid(DemoProgramKind.HIV_CARE)).body();
        }
        try (DemoServer d = DemoServer.start(config(7))) {
            other = new DemoClient(d).api(query + d.dataset().programUid(DemoProgramKind.HIV_CARE)).body();
            assertNotEquals(DemoServerConfig.defaults().personalAccessToken(), d.personalAccessToken());
        }
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.length() > 10_000);
    }

    @Test
    void personalAccessTokensHaveTheDhis2Format() {
        String token = DemoServerConfig.defaults().personalAccessToken();
        assertTrue(token.matches("d2pat_[A-Za-z0-9]{32}\\d{10}"), token);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(token.substring(6, 38).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(String.format("%010d", crc.getValue()), token.substring(38));
    }
}
