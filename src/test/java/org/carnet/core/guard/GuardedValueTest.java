package org.carnet.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sensitive values cannot be printed, logged or serialised by accident; the guard policy's rules. */
class GuardedValueTest {
    @AfterEach
    void forget() {
        Redactor.global().clearSensitive();
    }

    @Test
    void aSensitiveValuePrintsItsCategoryOnlyAndIsMaskedInLogsFromTheStart() {
        SensitiveValue v = SensitiveValue.of(SensitiveCategory.HIV_AIDS, "Séropositif VIH-1");
        assertEquals("<sensitive:HIV_AIDS>", v.toString());
        assertEquals("<sensitive:HIV_AIDS>", String.valueOf(v));
        assertFalse(("value: " + v).contains("Séropositif"));
        assertEquals("status <redacted:HIV_AIDS> noted",
                Redactor.global().redact("status Séropositif VIH-1 noted"));
        assertEquals("Plain[5 chars]", new GuardedValue.Plain("Wolof").toString(),
                "plain values may be names: not printed either");
    }

    @Test
    void jacksonAndJavaSerialisationRefuseIt() {
        SensitiveValue v = SensitiveValue.of(SensitiveCategory.TUBERCULOSIS, "TBDKR20240917");
        ObjectMapper json = new ObjectMapper();
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.writeValueAsString(
                Map.of("value", v)));
        assertFalse(e.getMessage().contains("TBDKR20240917"), e.getMessage());
        assertThrows(JsonProcessingException.class, () -> json.writeValueAsString(List.of(v)));
        assertFalse(Serializable.class.isAssignableFrom(SensitiveValue.class));
        assertThrows(NotSerializableException.class, () -> new ObjectOutputStream(new ByteArrayOutputStream())
                .writeObject(v));
    }

    @Test
    void valuesAreWrappedByCategory() {
        assertInstanceOf(SensitiveValue.class, GuardedValue.of("x-ray positive", SensitiveCategory.TUBERCULOSIS));
        assertInstanceOf(GuardedValue.Plain.class, GuardedValue.of("Wolof", SensitiveCategory.NONE));
        assertInstanceOf(GuardedValue.Plain.class, GuardedValue.of("Wolof", null));
        assertThrows(IllegalArgumentException.class, () -> SensitiveValue.of(SensitiveCategory.NONE, "x"));
        assertEquals(SensitiveCategory.FINANCIAL, GuardedValue.of("", SensitiveCategory.FINANCIAL).category());
    }

    @Test
    void removingASensitiveCategoryNeedsAReasonAddingOneDoesNot() throws Exception {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        GuardOverride add = ProgramGuard.checkChange("P", "A", SensitiveCategory.NONE, SensitiveCategory.STI, null,
                now);
        assertEquals(SensitiveCategory.STI, add.category());
        assertEquals("", add.reason());
        assertThrows(GuardPolicyException.class, () -> ProgramGuard.checkChange("P", "A", SensitiveCategory.STI,
                SensitiveCategory.NONE, "", now));
        assertThrows(GuardPolicyException.class, () -> ProgramGuard.checkChange("P", "A", SensitiveCategory.STI,
                SensitiveCategory.HIV_AIDS, "too sho", now));
        GuardOverride remove = ProgramGuard.checkChange("P", "A", SensitiveCategory.STI, SensitiveCategory.NONE,
                "  Holds the district, not a result  ", now);
        assertEquals("Holds the district, not a result", remove.reason());
        assertEquals(now.toString(), remove.at());
    }

    @Test
    void programNamesThatGiveAConditionAwayAreFlagged() {
        ProgramGuard guard = ProgramGuard.standard();
        for (String name : List.of("Carte ARV", "Programme TB", "Suivi VIH", "PrEP follow-up",
                "Santé mentale communautaire")) {
            assertTrue(guard.judgeProgram(name, null, null, null).flagged(), name);
        }
        for (String name : List.of("Programme élargi de vaccination", "Child Programme", "Antenatal care",
                "Bourse de sécurité familiale - Ménages")) {
            ProgramLabel l = guard.judgeProgram(name, null, null, null);
            assertEquals(name, l.publicName(name, "Programme de santé"), name + ": " + l.reason());
        }
        ProgramLabel arv = guard.judgeProgram("Carte ARV", null, null, "Carte santé");
        assertEquals("Carte santé", arv.publicName("Carte ARV", "Programme de santé"));
    }

    @Test
    void identifyingAttributesAreRecognised() {
        IdentifyingFields f = new IdentifyingFields();
        for (String name : List.of("First name", "Nom de famille", "Prénom", "Date de naissance", "Date of birth",
                "Numéro de téléphone", "National ID", "Numéro CNI", "Adresse", "Household number", "Nome completo",
                "Passport number", "GPS coordinates")) {
            assertTrue(f.identifying(new AttributeDescription(name, null, null, null, "TEXT", null, null), false,
                    false), name);
        }
        for (String name : List.of("Household size", "Preferred language", "Education level", "Sex",
                "Number of children", "Blood group")) {
            assertFalse(f.identifying(new AttributeDescription(name, null, null, null, "TEXT", null, null), false,
                    false), name);
        }
        AttributeDescription plain = new AttributeDescription("Contact", null, null, null, "PHONE_NUMBER", null,
                null);
        assertTrue(f.identifying(plain, false, false), "by value type");
        assertTrue(f.identifying(new AttributeDescription("Code", null, null, null, "TEXT", null, null), true,
                false), "DHIS2 unique");
    }
}
