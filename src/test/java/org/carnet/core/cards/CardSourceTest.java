package org.carnet.core.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.Side;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Card data of a synced person: identity, enrollment, health centre, TEI id, and the guard's programme name. */
class CardSourceTest {
    @TempDir
    Path dir;

    @Test
    void cardDataOfASyncedPerson() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(40));
                Registry registry = Registries.create(dir.resolve("carnet.db"), "arbre à palabres 2026".toCharArray(),
                        Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry()) {
            new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                    ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                            demo.password().toCharArray())), null);
            String hiv = demo.dataset().programUid(DemoProgramKind.HIV_CARE);
            SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC())
                    .run(SyncRequest.full(hiv, SyncTrigger.MANUAL), ProgressSink.NONE, Cancellation.none());
            assertEquals(SyncRun.Status.SUCCESS, run.status());
            EnrollmentRecord[] e = new EnrollmentRecord[1];
            registry.forEachEnrollment(hiv, r -> e[0] = e[0] == null ? r : e[0]);
            IdentityRecord identity = registry.identityByMpiId(e[0].mpiId()).orElseThrow();
            LocalDate today = LocalDate.of(2026, 11, 27);
            CardData data = new CardSource(registry).forIdentity(e[0].mpiId(), hiv, "fr", today);
            assertEquals(identity.demographics().firstName(), data.firstName());
            assertEquals(identity.demographics().lastName(), data.lastName());
            assertEquals(e[0].mpiId(), data.mpiId());
            assertEquals("Programme de santé", data.programName(), "an HIV programme's name is never printed");
            assertEquals("Health programme",
                    new CardSource(registry).forIdentity(e[0].mpiId(), hiv, "en", today).programName());
            assertNotNull(data.healthCentre());
            assertNotNull(data.teiUid());
            assertNotNull(data.enrolledOn());
            assertEquals(LocalDate.of(2031, 11, 26), data.validUntil());
            assertTrue(data.attributes().values().stream().noneMatch(a -> a.value() != null
                    && a.value().startsWith("TARV-")), "no guarded value reaches the card data");
            new CardRenderer().render(CardDesign.defaults("shield"), data, Side.FRONT, 300);
            AppException unknown = assertThrows(AppException.class,
                    () -> new CardSource(registry).forIdentity("SN-DKR-26-0000000A", hiv, "fr", today));
            assertEquals("error.registry.unknownIdentity", unknown.messageKey());
        }
    }
}
