package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoFault;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.SyncRunRecord;
import org.carnet.core.settings.AppHome;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carnet sync} in another JVM, killed with SIGKILL in the middle of the download: the registry opens, the next
 * sync resumes at the checkpoint, ends with exactly the server's enrollments, and the killed run is recorded as
 * interrupted.
 */
class SyncKillIT {
    private static final String PASS = "fromager de Kaolack 1960";

    @TempDir
    Path dir;

    @Test
    void aKilledSyncResumesCleanly() throws Exception {
        AppHome home = AppHome.at(dir.resolve("home"));
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(2500))) {
            String program = demo.dataset().programUid(DemoProgramKind.VACCINATION);
            try (Registry registry = Registries.create(home.registryFile(), PASS.toCharArray(), Argon2Kdf.forTests(),
                    AuditActor.current(AuditActor.Channel.CLI)).registry()) {
                ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(
                        demo.username(), demo.password().toCharArray()));
                new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                        settings, null);
            }
            String path = "/api/tracker/trackedEntities";
            demo.faults().inject(path, new DemoFault.Delay(Duration.ofMillis(400)), 1000);
            demo.requests().clear();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.carnet.app.Launcher", "--home",
                    home.root().toString(), "sync", "--program", program);
            pb.environment().put("CARNET_PASSPHRASE", PASS);
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            Process child = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (demo.requests().matching(path).size() < 5 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(child.isAlive(), "the child was still syncing when killed");
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            demo.faults().clear();

            try (Registry registry = Registries.open(home.registryFile(), PASS.toCharArray(),
                    AuditActor.current(AuditActor.Channel.CLI))) {
                assertTrue(registry.syncCheckpoint(program).orElseThrow().pending(), "a checkpoint was left");
                assertTrue(registry.syncCheckpoint(program).orElseThrow().pendingOffset() > 0);
                SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC())
                        .run(SyncRequest.incremental(program, SyncTrigger.MANUAL), ProgressSink.NONE,
                                Cancellation.none());
                assertEquals(SyncRun.Status.SUCCESS, run.status(), run.errorCode());
                assertTrue(run.resumedAt() > 0);
                Set<String> expected = new HashSet<>();
                for (String tei : demo.dataset().visibleEntities(DemoProgramKind.VACCINATION)) {
                    for (String e : demo.dataset().enrollmentUids(tei, DemoProgramKind.VACCINATION)) {
                        if (!demo.dataset().isEnrollmentDeleted(e)) {
                            expected.add(e);
                        }
                    }
                }
                assertEquals(expected, registry.enrollmentUids(program), "nothing lost, nothing duplicated");
                List<SyncRunRecord> runs = registry.syncRuns(program, 5);
                assertEquals("success", runs.get(0).status());
                assertEquals("INTERRUPTED", runs.get(1).errorCode());
                assertEquals("ok", registry.integrityCheck());
            }
        }
    }
}
