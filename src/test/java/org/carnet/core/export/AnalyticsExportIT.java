package org.carnet.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Csv;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics export on a real registry: what goes out, what stays in, and the pseudonyms. */
class AnalyticsExportIT {
    @TempDir
    Path dir;

    private Registry registry;

    @BeforeEach
    void fill() throws Exception {
        registry = Registries.create(dir.resolve("carnet.db"), "baobab de Kaolack 1960".toCharArray(),
                Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry();
        SensitiveFixtures.fill(registry, 5);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void csvHasThePlainColumnsAndPseudonymsAndNothingGuardedOrIdentifying() throws Exception {
        Path out = dir.resolve("export.csv");
        AnalyticsExport.Summary s = new AnalyticsExport(registry).export(SensitiveFixtures.PROGRAM,
                AnalyticsExport.Format.CSV, out);
        assertEquals(5, s.enrollments());
        assertEquals(List.of("HOUSEHOLD_SIZE", "LANGUAGE"), s.columns());
        assertEquals(7, s.guardedTotal());
        for (SensitiveCategory c : SensitiveCategory.values()) {
            assertEquals(c.isSensitive() ? 1 : null, s.guarded().get(c), c.name());
        }
        assertEquals(4, s.identifying());
        assertEquals(1, s.unresolved());

        String text = Files.readString(out, StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.readAll(Csv.reader(new StringReader(text)));
        assertEquals(List.of("pseudonym", "program", "org_unit", "status", "enrolled_at", "occurred_at", "updated_at",
                "HOUSEHOLD_SIZE", "LANGUAGE"), rows.get(0));
        assertEquals(6, rows.size());
        Set<String> pseudonyms = new HashSet<>();
        for (List<String> row : rows.subList(1, 5)) {
            assertTrue(row.get(0).matches("[a-z2-7]{24}"), row.get(0));
            pseudonyms.add(row.get(0));
            assertEquals(List.of("6", "Wolof"), row.subList(7, 9));
            assertEquals("OuDkrPikine", row.get(2));
        }
        assertEquals(4, pseudonyms.size(), "one pseudonym per person");
        assertEquals("", rows.get(5).get(0), "an unresolved enrollment has no pseudonym");
        for (String secret : SensitiveFixtures.secrets()) {
            assertFalse(text.contains(secret), "leaked " + secret);
        }
        assertFalse(text.contains("SN-DKR-26-"), "MPI ids are pseudonymised");
        assertFalse(text.contains("Tei0000"), "TEI uids stay home");
        assertFalse(text.contains("Enr0000"), "enrollment uids stay home");

        // the same registry gives the same pseudonyms next time
        Path again = dir.resolve("again.csv");
        new AnalyticsExport(registry).export(SensitiveFixtures.PROGRAM, AnalyticsExport.Format.CSV, again);
        assertEquals(rows.get(1).get(0), Csv.readAll(Csv.reader(Files.newBufferedReader(again))).get(1).get(0));
    }

    @Test
    void jsonDescribesTheColumnsAndTheExclusions() throws Exception {
        Path out = dir.resolve("export.json");
        new AnalyticsExport(registry).export(SensitiveFixtures.PROGRAM, AnalyticsExport.Format.JSON, out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(SensitiveFixtures.PROGRAM, root.get("program").asText());
        assertEquals(2, root.get("columns").size());
        assertEquals("AttrHhSizeN", root.get("columns").get(0).get("attribute").asText());
        assertEquals(1, root.get("excluded").get("guarded").get("HIV_AIDS").asInt());
        assertEquals(7, root.get("excluded").get("guarded").size());
        assertEquals(4, root.get("excluded").get("identifying").asInt());
        JsonNode enrollments = root.get("enrollments");
        assertEquals(5, enrollments.size());
        assertEquals("Wolof", enrollments.get(0).get("attributes").get("LANGUAGE").asText());
        assertEquals(2, enrollments.get(0).get("attributes").size());
        assertTrue(enrollments.get(4).get("pseudonym").isNull());
        String text = Files.readString(out, StandardCharsets.UTF_8);
        for (String secret : SensitiveFixtures.secrets()) {
            assertFalse(text.contains(secret), "leaked " + secret);
        }
    }

    @Test
    void anAttributeAnAdminGuardsLaterLeavesTheExport() throws Exception {
        new ProgramGuards(registry).setCategory(SensitiveFixtures.PROGRAM, "AttrLanguag", SensitiveCategory.FINANCIAL,
                null);
        Path out = dir.resolve("export.csv");
        AnalyticsExport.Summary s = new AnalyticsExport(registry).export(SensitiveFixtures.PROGRAM,
                AnalyticsExport.Format.CSV, out);
        assertEquals(List.of("HOUSEHOLD_SIZE"), s.columns());
        assertEquals(2, s.guarded().get(SensitiveCategory.FINANCIAL));
        assertFalse(Files.readString(out).contains("Wolof"));
    }

    @Test
    void aValueStoredAsSensitiveStaysOutEvenWhenAnAdminClearsTheCategory() throws Exception {
        new ProgramGuards(registry).setCategory(SensitiveFixtures.PROGRAM, "AttrHivStat", SensitiveCategory.NONE,
                "Checked with the programme: this field holds the clinic code");
        Path out = dir.resolve("export.csv");
        AnalyticsExport.Summary s = new AnalyticsExport(registry).export(SensitiveFixtures.PROGRAM,
                AnalyticsExport.Format.CSV, out);
        assertTrue(s.columns().contains("HIV_STATUS"));
        String text = Files.readString(out);
        assertFalse(text.contains("Séropositif"), "values synced while guarded are never read out of the registry");
    }

    @Test
    void unknownProgramBadFormatAndUnwritableFileAreClearErrorsThatLeaveNothingBehind() throws Exception {
        AppException e = assertThrows(AppException.class, () -> new AnalyticsExport(registry).export("NoSuchProg1",
                AnalyticsExport.Format.CSV, dir.resolve("x.csv")));
        assertEquals("error.export.noProgram", e.messageKey());
        assertEquals("error.export.format", assertThrows(AppException.class,
                () -> AnalyticsExport.Format.parse("xlsx")).messageKey());
        Path missing = dir.resolve("no-such-folder").resolve("export.csv");
        assertEquals("error.export.write", assertThrows(AppException.class, () -> new AnalyticsExport(registry)
                .export(SensitiveFixtures.PROGRAM, AnalyticsExport.Format.CSV, missing)).messageKey());
        assertFalse(Files.exists(missing));
    }
}
