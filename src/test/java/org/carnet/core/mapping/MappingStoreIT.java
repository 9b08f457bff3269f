package org.carnet.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.export.SensitiveFixtures;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved mappings on a real registry: versions, history, audit, files, refusals. */
class MappingStoreIT {
    @TempDir
    Path dir;

    private Registry registry;
    private MappingStore store;
    private ProgramInfo program;

    @BeforeEach
    void open() throws Exception {
        registry = Registries.create(dir.resolve("carnet.db"), "baobab de Kaolack 1960".toCharArray(),
                Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry();
        new org.carnet.core.connection.ConnectionStore(registry).savePrograms(List.of(SensitiveFixtures.program()));
        store = new MappingStore(registry);
        program = store.program(SensitiveFixtures.PROGRAM);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void withoutASavedMappingTheSuggestionsAreInUseThenEachSaveIsAVersion() throws Exception {
        ProgramMapping suggested = store.current(program);
        assertEquals(0, suggested.version());
        assertEquals("FIRST_NAME", suggested.field("first_name").orElseThrow().source());
        assertTrue(suggested.field("beneficiary_id").isEmpty(), "the TB number is guarded: not suggested");

        ProgramMapping v1 = store.save(program, suggested.fields());
        assertEquals(1, v1.version());
        ProgramMapping v2 = store.save(program, v1.with(FieldMapping.byCode("language", "LANGUAGE")).fields());
        assertEquals(2, v2.version());
        assertEquals(v2, store.saved(program.uid()).orElseThrow());
        assertEquals(List.of(1), store.history(program.uid()).stream().map(ProgramMapping::version).toList());
        assertTrue(registry.auditEntries(5).stream().anyMatch(e -> e.action().equals("mapping.saved")
                && e.resource().contains("version=2")));
    }

    @Test
    void aSensitiveAttributeOnACardIsRefusedAndNothingIsSaved() throws Exception {
        List<FieldMapping> fields = store.current(program).with(FieldMapping.byCode("beneficiary_id", "TB_REG_NUMBER"))
                .fields();
        MappingException e = assertThrows(MappingException.class, () -> store.save(program, fields));
        assertTrue(e.issues().stream().anyMatch(i -> i.kind() == MappingIssue.Kind.SENSITIVE_ATTRIBUTE));
        assertTrue(store.saved(program.uid()).isEmpty());
    }

    @Test
    void exportThenImportGivesTheSameFieldsAndBadFilesAreClearErrors() throws Exception {
        ProgramMapping saved = store.save(program, store.current(program).fields());
        Path file = dir.resolve("mapping.json");
        MappingStore.export(program, saved, file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"carnet-mapping\""), text);
        for (String secret : SensitiveFixtures.secrets()) {
            assertFalse(text.contains(secret));
        }
        ProgramMapping imported = store.importFile(program, file);
        assertEquals(saved.fields(), imported.fields());
        assertEquals(2, imported.version());

        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertEquals("error.mapping.fileInvalid", assertThrows(AppException.class,
                () -> MappingStore.read(dir.resolve("bad.json"))).messageKey());
        Files.writeString(dir.resolve("other.json"), "{\"format\":\"something-else\",\"fields\":[]}");
        assertEquals("error.mapping.fileInvalid", assertThrows(AppException.class,
                () -> MappingStore.read(dir.resolve("other.json"))).messageKey());
        assertEquals("error.mapping.fileMissing", assertThrows(AppException.class,
                () -> MappingStore.read(dir.resolve("none.json"))).messageKey());
        assertEquals("error.mapping.noProgram", assertThrows(AppException.class,
                () -> store.program("NoProgram01")).messageKey());
    }

    @Test
    void settingsDefaultToSenegalAndAreKept() throws Exception {
        assertEquals(MappingStore.Settings.DEFAULTS, store.settings());
        store.saveSettings(new MappingStore.Settings("ci", 3));
        assertEquals("CI", store.settings().phoneCountry());
    }
}
