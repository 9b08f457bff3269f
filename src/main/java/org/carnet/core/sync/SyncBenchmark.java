package org.carnet.core.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;

/**
 * End-to-end sync speed: the demo DHIS2 server in process over loopback with {@code size} tracked entities, a fresh
 * encrypted registry, and a first full sync of every program (fetch, map, guard, MPI, encrypted upsert). Reports
 * enrollments per second and the peak heap used.
 */
public final class SyncBenchmark {
    /** What was measured. */
    public record Result(int size, long enrollments, long fetched, double seconds, double enrollmentsPerSecond,
            long peakHeapMb, long maxHeapMb, List<SyncRun> runs) {
    }

    private SyncBenchmark() {
    }

    public static Result run(Path dir, int size, int pageSize, ProgressSink progress) throws AppException {
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(size));
                Registry registry = Registries.create(dir.resolve("bench.db"), "bench baobab kaolack 1960"
                        .toCharArray(), Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry()) {
            ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                    demo.password().toCharArray()));
            // tests the connection and caches the profile, the programs (judged by the guard) and the org units
            List<ProgramInfo> programs = new ConnectionService().connectAndSave(new ConnectionStore(registry),
                    ConnectionStore.DEFAULT_ID, settings, null).judged();
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            SyncService service = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC())
                    .withPageSize(pageSize);
            long start = System.nanoTime();
            List<SyncRun> runs = new java.util.ArrayList<>();
            for (ProgramInfo p : programs) {
                progress.message("bench.sync.program", p.uid());
                SyncRun run = service.run(SyncRequest.full(p.uid(), SyncTrigger.MANUAL), progress,
                        Cancellation.none());
                if (run.status() != SyncRun.Status.SUCCESS) {
                    throw new AppException("bench.sync.failed", "benchmark sync failed: " + run.errorCode(),
                            run.errorCode());
                }
                runs.add(run);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long enrollments = runs.stream().mapToLong(SyncRun::created).sum();
            long fetched = runs.stream().mapToLong(SyncRun::fetched).sum();
            return new Result(size, enrollments, fetched, seconds, enrollments / seconds, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, runs);
        }
    }
}
