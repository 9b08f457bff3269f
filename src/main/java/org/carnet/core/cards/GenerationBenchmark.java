package org.carnet.core.cards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.RenderBenchmark;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;

/**
 * Bulk generation speed end to end: the demo server's vaccination campaign synced into a fresh encrypted registry, then
 * one generation job of {@code cards} cards (registry reads, card data, drawing, files, manifest, issued-card records).
 */
public final class GenerationBenchmark {
    /** What was measured. */
    public record Result(int cards, OutputFormat format, double seconds, double cardsPerSecond, long bytes, int files,
            long peakHeapMiB, long peakRssMiB) {
    }

    private GenerationBenchmark() {
    }

    public static Result run(Path dir, int cards, OutputFormat format, String template, ProgressSink progress)
            throws AppException, IOException {
        // The demo population puts about one person in six or seven in the vaccination campaign.
        int size = Math.max(200, cards * 7 + 500);
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(size));
                Registry registry = Registries.create(dir.resolve("bench.db"), "bench baobab kaolack 1960"
                        .toCharArray(), Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry()) {
            new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                    ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                            demo.password().toCharArray())), null);
            String program = demo.dataset().programUid(DemoProgramKind.VACCINATION);
            progress.message("bench.sync.program", program);
            SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).run(
                    SyncRequest.full(program, SyncTrigger.MANUAL), ProgressSink.NONE, Cancellation.none());
            if (run.status() != SyncRun.Status.SUCCESS) {
                throw new AppException("bench.sync.failed", "benchmark sync failed", run.errorCode());
            }
            Path out = dir.resolve("cards" + format.extension());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors());
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(cards).withRenderPool(pool);
            RenderBenchmark.resetPeaks();
            long start = System.nanoTime();
            GenerationJob.Result r;
            try {
                r = job.run(new GenerationRequest(program, CardDesign.defaults(template), GenerationRequest.Filters.NONE,
                        300, true, format, out), progress, Cancellation.none());
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = 0;
            for (Path f : r.files()) {
                bytes += Files.size(f);
            }
            List<Path> files = r.files();
            return new Result(r.cards(), format, seconds, r.cards() / seconds, bytes, files.size(),
                    RenderBenchmark.peakHeapMiB(), RenderBenchmark.peakRssMiB());
        }
    }
}
