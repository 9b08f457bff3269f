package org.carnet.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync pipeline against the demo DHIS2 server with injected faults: what a correct run must hold, idempotence,
 * resume after an interruption, incremental changes and deletions, reconciliation.
 */
class SyncServiceIT {
    private static final String PASS = "baobab de Kaolack 1960";

    @TempDir
    Path dir;

    private DemoServer demo;
    private Registry registry;
    private String program;
    private int pageSize;

    private void start(String version, int size, int pageSize) throws Exception {
        demo = DemoServer.start(DemoServerConfig.defaults().withVersion(version).withSize(size));
        registry = Registries.create(dir.resolve("carnet.db"), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry();
        ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                demo.password().toCharArray())).withPageSize(pageSize);
        new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                settings, null);
        program = demo.dataset().programUid(DemoProgramKind.HIV_CARE);
        this.pageSize = pageSize;
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private SyncService service() {
        return new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).withPageSize(pageSize);
    }

    private SyncRun sync(SyncRequest.Mode mode) {
        return service().run(new SyncRequest(program, mode, null, null, null, SyncTrigger.MANUAL), ProgressSink.NONE,
                Cancellation.none());
    }

    /** The enrollment uids a correct sync holds: the live enrollments in the program of the visible entities. */
    private Set<String> expected() {
        Set<String> out = new HashSet<>();
        for (String tei : demo.dataset().visibleEntities(DemoProgramKind.HIV_CARE)) {
            for (String e : demo.dataset().enrollmentUids(tei, DemoProgramKind.HIV_CARE)) {
                if (!demo.dataset().isEnrollmentDeleted(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private Set<String> held() throws Exception {
        Set<String> uids = registry.enrollmentUids(program);
        Set<String> inProgram = new HashSet<>();
        registry.forEachEnrollment(program, e -> inProgram.add(e.enrollmentUid()));
        assertEquals(uids, inProgram);
        return uids;
    }

    @Test
    void aFullSyncHoldsExactlyWhatTheServerShowsAndASecondRunCreatesNothing() throws Exception {
        start("2.41.3", 300, 50);
        SyncRun first = sync(SyncRequest.Mode.INCREMENTAL);
        assertEquals(SyncRun.Status.SUCCESS, first.status(), first.errorCode());
        assertTrue(first.suggestedMapping(), "no mapping saved: the suggestions are used and the run says so");
        Set<String> expected = expected();
        assertTrue(held().containsAll(expected), "nothing lost");
        assertEquals(first.created(), held().size());
        assertTrue(first.sensitiveBlocked() > 0, "the HIV program's guarded values were counted");
        assertTrue(first.mpiLinked() + first.mpiReview() + first.mpiNew() > 0, "the records went through the MPI");
        long withPhone = 0;
        for (String uid : demo.dataset().visibleEntities(DemoProgramKind.HIV_CARE)) {
            withPhone += registry.identityByTei(program, uid).map(i -> i.demographics().phone())
                    .filter(p -> p.matches("\\+\\d{9,14}")).isPresent() ? 1 : 0;
        }
        assertTrue(withPhone > 0, "new identities keep the record's phone in E.164");
        SyncRun second = sync(SyncRequest.Mode.INCREMENTAL);
        assertEquals(SyncRun.Status.SUCCESS, second.status());
        assertEquals(0, second.created(), "the same sync twice creates nothing");
        assertEquals(0, second.updated());
        assertEquals(held().size(), first.created());
        SyncRun full = sync(SyncRequest.Mode.FULL);
        assertEquals(0, full.created());
        assertEquals(0, full.updated());
        assertEquals(full.unchanged(), held().size());
    }

    @Test
    void incrementalRunsSeeUpdatesAdditionsAndDeletions() throws Exception {
        start("2.40.4", 200, 50);
        assertEquals(SyncRun.Status.SUCCESS, sync(SyncRequest.Mode.INCREMENTAL).status());
        List<String> visible = demo.dataset().visibleEntities(DemoProgramKind.HIV_CARE);
        demo.dataset().update(visible.get(0));
        demo.dataset().softDelete(visible.get(1));
        List<String> added = demo.dataset().addEntities(3, DemoProgramKind.HIV_CARE);
        SyncRun next = sync(SyncRequest.Mode.INCREMENTAL);
        assertEquals(SyncRun.Status.SUCCESS, next.status(), next.errorCode());
        assertTrue(next.created() >= 3, "the new persons: " + next.created());
        assertTrue(next.updated() >= 1);
        assertTrue(next.deleted() >= 1);
        assertTrue(next.fetched() < visible.size(), "incremental: only what changed is fetched");
        assertEquals(expected(), held(), "deletions applied, additions held");
        Set<String> now = held();
        assertTrue(added.stream().allMatch(t -> demo.dataset().enrollmentUids(t, DemoProgramKind.HIV_CARE).stream()
                .anyMatch(now::contains)));
    }

    @Test
    void faultsEndInRetriesOrAPartialRunAndTheNextRunLosesAndDuplicatesNothing() throws Exception {
        start("2.41.3", 400, 20);
        String path = "/api/tracker/trackedEntities";
        demo.faults().inject(path, 1, new DemoFault.Status(503), 1);
        demo.faults().inject(path, 2, new DemoFault.TruncatedBody(), 1);
        demo.faults().inject(path, 3, new DemoFault.DropConnection(), 1);
        SyncRun retried = sync(SyncRequest.Mode.INCREMENTAL);
        assertEquals(SyncRun.Status.SUCCESS, retried.status(), "transient faults are retried: " + retried.errorCode());
        assertTrue(held().containsAll(expected()));

        // a 401 in the middle of a fresh full run: partial, then resumed
        registry.saveSyncCheckpoint(new org.carnet.core.registry.SyncCheckpoint(program, null, null, null, 0, null,
                null));
        demo.faults().inject(path, 2, new DemoFault.Unauthorized(), 50);
        SyncRun partial = sync(SyncRequest.Mode.FULL);
        assertEquals(SyncRun.Status.PARTIAL, partial.status());
        assertEquals("DHIS2_AUTH_FAILED", partial.errorCode());
        assertTrue(registry.syncCheckpoint(program).orElseThrow().pending());
        demo.faults().clear();
        SyncRun resumed = sync(SyncRequest.Mode.FULL);
        assertEquals(SyncRun.Status.SUCCESS, resumed.status(), resumed.errorCode());
        assertTrue(resumed.resumedAt() > 0, "resumed where it stopped");
        assertEquals(expected(), held());
        assertEquals(0, resumed.created(), "nothing duplicated");
        assertEquals(List.of("success", "partial", "success"), registry.syncRuns(program, 3).stream()
                .map(r -> r.status()).toList());
    }

    @Test
    void aServerThatStopsAnsweringIsRetriedThenReportedAsATimeout() throws Exception {
        start("2.41.3", 300, 20);
        String path = "/api/tracker/trackedEntities";
        demo.faults().inject(path, 1, new DemoFault.Delay(Duration.ofSeconds(3)), 1);
        SyncService quick = service().withReadTimeout(Duration.ofMillis(800));
        SyncRun once = quick.run(SyncRequest.incremental(program, SyncTrigger.MANUAL), ProgressSink.NONE,
                Cancellation.none());
        assertEquals(SyncRun.Status.SUCCESS, once.status(), "one slow page is retried: " + once.errorCode());
        registry.saveSyncCheckpoint(new org.carnet.core.registry.SyncCheckpoint(program, null, null, null, 0, null,
                null));
        demo.faults().inject(path, 1, new DemoFault.Delay(Duration.ofSeconds(3)), 20);
        SyncRun slow = quick.run(SyncRequest.full(program, SyncTrigger.MANUAL), ProgressSink.NONE,
                Cancellation.none());
        assertEquals(SyncRun.Status.PARTIAL, slow.status());
        assertEquals("DHIS2_TIMEOUT", slow.errorCode());
        demo.faults().clear();
        SyncRun next = quick.run(SyncRequest.full(program, SyncTrigger.MANUAL), ProgressSink.NONE,
                Cancellation.none());
        assertEquals(SyncRun.Status.SUCCESS, next.status());
        assertEquals(expected(), held());
    }

    @Test
    void cancellingStopsTheRunWhichResumesLater() throws Exception {
        start("2.43.0", 300, 30);
        Cancellation cancel = Cancellation.none();
        SyncRun run = service().run(SyncRequest.incremental(program, SyncTrigger.MANUAL), new ProgressSink() {
            @Override
            public void progress(long done, long total) {
                if (done >= 60) {
                    cancel.cancel();
                }
            }

            @Override
            public void message(String key, Object... args) {
            }
        }, cancel);
        assertEquals(SyncRun.Status.CANCELLED, run.status());
        SyncRun next = sync(SyncRequest.Mode.INCREMENTAL);
        assertEquals(SyncRun.Status.SUCCESS, next.status());
        assertTrue(next.resumedAt() > 0);
        assertTrue(held().containsAll(expected()));
    }

    @Test
    void aMappingWithoutNamesOrAMissingConnectionFailsClearly() throws Exception {
        start("2.41.3", 50, 50);
        SyncRun noProgram = service().run(SyncRequest.incremental("NoProgram01", SyncTrigger.MANUAL),
                ProgressSink.NONE, Cancellation.none());
        assertEquals(SyncRun.Status.FAILED, noProgram.status());
        assertEquals("PROGRAM_NOT_FOUND", noProgram.errorCode());
        assertTrue(Duration.ofMillis(noProgram.durationMs()).toSeconds() < 60);
    }
}
