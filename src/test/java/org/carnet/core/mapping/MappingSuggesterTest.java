package org.carnet.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Attribute;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.registry.ProgramInfo;
import org.junit.jupiter.api.Test;

/** Suggestions on the demo server's programs and on the attributes of the DHIS2 fixtures. */
class MappingSuggesterTest {
    private final MappingSuggester suggester = new MappingSuggester();

    static List<ProgramInfo> demoPrograms() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(20));
                Dhis2Client client = Dhis2Clients.connect(ConnectionSettings.of(demo.baseUrl(),
                        new Credentials.Basic(demo.username(), demo.password().toCharArray())))) {
            return ConnectionStore.toProgramInfo(client.programs());
        }
    }

    private static Map<String, String> bySource(List<MappingSuggester.Suggestion> suggestions) {
        return suggestions.stream().collect(Collectors.toMap(s -> s.field().key(), s -> s.mapping().source()));
    }

    @Test
    void theDemoProgramsAreMappedByTheirCodes() throws Exception {
        List<ProgramInfo> programs = demoPrograms();
        assertEquals(3, programs.size());
        for (ProgramInfo p : programs) {
            List<MappingSuggester.Suggestion> s = suggester.suggest(p);
            Map<String, String> m = bySource(s);
            assertEquals("MMD_PER_NAM", m.get("first_name"), p.name());
            assertEquals("MMD_PER_LST", m.get("last_name"), p.name() + ": not the mother's name");
            assertEquals("MMD_PER_DOB", m.get("date_of_birth"), p.name());
            assertEquals("MMD_PER_SEX", m.get("gender"), p.name());
            assertEquals("PHONE_NUMBER", m.get("phone_number"), p.name());
            assertEquals("MMD_PER_COM", m.get("zone"), p.name());
            assertEquals("orgUnit", m.get("org_unit"));
            assertEquals("enrolledAt", m.get("enrollment_date"));
            assertTrue(s.stream().filter(x -> x.field().ordinal() <= CardField.PHONE_NUMBER.ordinal()
                    && x.field() != CardField.BENEFICIARY_ID).allMatch(x -> x.confidence() >= 0.95), p.name());
            for (MappingSuggester.Suggestion x : s) {
                ProgramMapping.attribute(p, x.mapping()).ifPresent(a -> assertFalse(a.sensitive(),
                        "never suggests a guarded attribute: " + a.displayName()));
            }
            assertTrue(MappingValidator.validate(p, suggester.suggestedMapping(p)).stream()
                    .noneMatch(MappingIssue::blocking), p.name() + ": the suggestions can be saved as they are");
        }
        ProgramInfo vaccination = programs.stream().filter(p -> "VAC_RR".equals(p.code())).findFirst().orElseThrow();
        assertEquals("VAC_CARTE_NUM", bySource(suggester.suggest(vaccination)).get("beneficiary_id"),
                "the vaccination card number is the beneficiary id");
        ProgramInfo hiv = programs.stream().filter(p -> "VIH_PEC".equals(p.code())).findFirst().orElseThrow();
        assertFalse(bySource(suggester.suggest(hiv)).containsValue("HIV_NUM_TARV"),
                "the ART number is unique but guarded: never on a card");
    }

    @Test
    void theFixtureAttributesAreMappedByTheirNamesWhenCodesAreUnknown() throws Exception {
        JsonNode e2e;
        try (var in = MappingSuggesterTest.class.getResourceAsStream(
                "/fixtures/dhis2/metadata/tracker-metadata-export-dhis2-core-e2e.json")) {
            e2e = new ObjectMapper().readTree(in);
        }
        List<Dhis2Attribute> attrs = new ArrayList<>();
        for (JsonNode a : e2e.path("trackedEntityAttributes")) {
            attrs.add(new Dhis2Attribute(a.path("id").asText(), a.path("code").isMissingNode() ? null
                    : a.path("code").asText(null), a.path("name").asText(), a.path("shortName").asText(null),
                    a.path("valueType").asText(), null, List.of(), false, a.path("unique").asBoolean(), false, true));
        }
        ProgramInfo p = ConnectionStore.toProgramInfo(List.of(new Dhis2Program("PrgE2eTest1", "E2E", "E2E", null,
                "OPEN", "nEenWmSyUEp", attrs))).get(0);
        Map<String, String> m = bySource(suggester.suggest(p));
        assertEquals("TA_FIRST_NAME_ATT", m.get("first_name"));
        assertEquals("TA_LAST_NAME_ATT", m.get("last_name"));
        assertEquals("TA_DATE_OF_BIRTH", m.get("date_of_birth"));
        assertEquals("TA Sex", m.get("gender"), "no code: by name");
        assertEquals(FieldMapping.By.NAME, suggester.suggest(p).stream().filter(s -> s.field() == CardField.GENDER)
                .findFirst().orElseThrow().mapping().by());
    }

    @Test
    void frenchAndEnglishNamesWithoutCodes() {
        ProgramInfo p = new ProgramInfo("PrgNames001", "Noms", List.of(
                new ProgramInfo.Attribute("A1", null, "Prénom", "TEXT"),
                new ProgramInfo.Attribute("A2", null, "Nom de famille", "TEXT"),
                new ProgramInfo.Attribute("A3", null, "Nom du père", "TEXT"),
                new ProgramInfo.Attribute("A4", null, "Date de naissance", "DATE"),
                new ProgramInfo.Attribute("A5", null, "Téléphone du ménage", "PHONE_NUMBER"),
                new ProgramInfo.Attribute("A6", null, "Centre de santé", "TEXT"),
                new ProgramInfo.Attribute("A7", null, "Date of birth", "TEXT")));
        p = new ProgramInfo(p.uid(), p.name(), null, p.attributes().stream().map(a -> a.withGuard(
                org.carnet.core.guard.AttributeGuard.detected(new org.carnet.core.guard.Classification(
                        org.carnet.core.guard.SensitiveCategory.NONE, 0.9, "test"), false))).toList());
        Map<String, String> m = bySource(suggester.suggest(p));
        assertEquals("Prénom", m.get("first_name"));
        assertEquals("Nom de famille", m.get("last_name"));
        assertEquals("Date de naissance", m.get("date_of_birth"), "a TEXT “Date of birth” is not a date attribute");
        assertEquals("Téléphone du ménage", m.get("phone_number"));
        assertEquals("Centre de santé", m.get("health_center"));
        assertFalse(m.containsValue("Nom du père"));
    }
}
