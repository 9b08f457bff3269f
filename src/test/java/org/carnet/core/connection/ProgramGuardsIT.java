package org.carnet.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.export.SensitiveFixtures;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.GuardPolicyException;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.AuditEntry;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's verdicts stored with the cached programs, and the admin's audited changes, on a real registry. */
class ProgramGuardsIT {
    private static final String PASS = "baobab de Kaolack 1960";

    @TempDir
    Path dir;

    private Registry registry;

    @BeforeEach
    void open() throws Exception {
        registry = Registries.create(dir.resolve("carnet.db"), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private ProgramInfo.Attribute attribute(ProgramInfo p, String uid) {
        return p.attributes().stream().filter(a -> a.uid().equals(uid)).findFirst().orElseThrow();
    }

    @Test
    void everyAttributeIsJudgedWhenProgramsAreSavedAndTheVerdictsAreCachedEncrypted() throws Exception {
        new ConnectionStore(registry).savePrograms(List.of(SensitiveFixtures.program()));
        ProgramInfo cached = registry.program(SensitiveFixtures.PROGRAM).orElseThrow();
        for (SensitiveFixtures.Field f : SensitiveFixtures.FIELDS) {
            AttributeGuard g = attribute(cached, f.uid()).guard();
            assertEquals(f.expected(), g.category(), f.name() + ": " + g.reason());
            assertEquals(f.identifying(), g.identifying(), f.name());
            assertEquals(AttributeGuard.Source.CLASSIFIER, g.source());
            assertFalse(g.reason().isBlank());
        }
        assertEquals(7, cached.guardedAttributes().size());
        assertTrue(cached.label().flagged(), "\"Carte ARV\" gives HIV care away");
        assertEquals(SensitiveCategory.HIV_AIDS, cached.label().revealed());
        assertEquals("Programme de santé", cached.label().publicName(cached.name(), "Programme de santé"));
    }

    @Test
    void addingACategoryIsFreeRemovingOneNeedsAReasonWhichIsAudited() throws Exception {
        new ConnectionStore(registry).savePrograms(List.of(SensitiveFixtures.program()));
        ProgramGuards guards = new ProgramGuards(registry);

        ProgramInfo p = guards.setCategory(SensitiveFixtures.PROGRAM, "AttrLanguag", SensitiveCategory.STI, null);
        assertEquals(SensitiveCategory.STI, attribute(p, "AttrLanguag").guard().category());
        assertEquals(AttributeGuard.Source.ADMIN, attribute(p, "AttrLanguag").guard().source());

        GuardPolicyException refused = assertThrows(GuardPolicyException.class, () -> guards.setCategory(
                SensitiveFixtures.PROGRAM, "AttrHivStat", SensitiveCategory.NONE, "  short "));
        assertEquals("error.guard.reasonRequired", refused.messageKey());
        assertThrows(GuardPolicyException.class, () -> guards.setCategory(SensitiveFixtures.PROGRAM, "AttrHivStat",
                SensitiveCategory.FINANCIAL, null), "replacing a sensitive category removes one");
        assertEquals(SensitiveCategory.HIV_AIDS, attribute(guards.program(SensitiveFixtures.PROGRAM).orElseThrow(),
                "AttrHivStat").guard().category(), "a refused change changes nothing");

        String reason = "Holds the clinic's internal code, agreed with the HIV programme lead";
        p = guards.setCategory(SensitiveFixtures.PROGRAM, "AttrHivStat", SensitiveCategory.NONE, reason);
        AttributeGuard g = attribute(p, "AttrHivStat").guard();
        assertEquals(SensitiveCategory.NONE, g.category());
        assertEquals(SensitiveCategory.HIV_AIDS, g.detected(), "the classifier's verdict is kept");
        assertEquals(reason, g.reason());

        List<AuditEntry> audit = registry.auditEntries(20);
        AuditEntry removal = audit.stream().filter(e -> e.action().equals("guard.category.set")
                && e.resource().contains("AttrHivStat")).findFirst().orElseThrow();
        assertTrue(removal.resource().contains("HIV_AIDS→NONE"), removal.resource());
        assertEquals(reason, removal.reason());
        assertTrue(registry.verifyAudit().intact());
    }

    @Test
    void theAdminsDecisionsOutliveARefreshAndFollowTheAttribute() throws Exception {
        ConnectionStore store = new ConnectionStore(registry);
        store.savePrograms(List.of(SensitiveFixtures.program()));
        ProgramGuards guards = new ProgramGuards(registry);
        guards.setCategory(SensitiveFixtures.PROGRAM, "AttrHhSizeN", SensitiveCategory.FINANCIAL, null);
        guards.setPublicLabel(SensitiveFixtures.PROGRAM, "Carte de santé communautaire");

        List<ProgramInfo> refreshed = store.savePrograms(List.of(SensitiveFixtures.program()));
        ProgramInfo p = refreshed.get(0);
        assertEquals(SensitiveCategory.FINANCIAL, attribute(p, "AttrHhSizeN").guard().category());
        assertEquals("Carte de santé communautaire", p.label().publicLabel());
        assertEquals(SensitiveCategory.FINANCIAL, attribute(store.programs().get(0), "AttrHhSizeN").guard()
                .category(), "and reading the cache offline gives the same verdict");

        guards.setPublicLabel(SensitiveFixtures.PROGRAM, "  ");
        assertNull(guards.program(SensitiveFixtures.PROGRAM).orElseThrow().label().publicLabel());
    }

    @Test
    void unknownProgramOrAttributeIsAClearError() throws Exception {
        new ConnectionStore(registry).savePrograms(List.of(SensitiveFixtures.program()));
        ProgramGuards guards = new ProgramGuards(registry);
        assertEquals("error.guard.noProgram", assertThrows(AppException.class, () -> guards.setCategory("NoProgram01",
                "AttrHivStat", SensitiveCategory.STI, null)).messageKey());
        assertEquals("error.guard.noAttribute", assertThrows(AppException.class, () -> guards.setCategory(
                SensitiveFixtures.PROGRAM, "NoAttribute", SensitiveCategory.STI, null)).messageKey());
    }

    @Test
    void aProgramCachedBeforeTheGuardExistedIsJudgedWhenRead() throws Exception {
        registry.saveProgram(new ProgramInfo("OldProgram1", "Suivi TB", List.of(new ProgramInfo.Attribute(
                "AttrOldHiv1", "HIV_STATUS", "HIV status", "TEXT"))));
        ProgramInfo p = new ConnectionStore(registry).programs().get(0);
        assertEquals(SensitiveCategory.HIV_AIDS, p.attributes().get(0).guard().category());
        assertTrue(p.label().flagged());
    }
}
