package org.carnet.app.cli.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.RegistryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet bench registry [--rows N] [--batch N]}: speed figures of the encrypted registry. */
@Command(name = "bench")
final class BenchCommand extends GroupCommand {

    @Command(name = "registry")
    static final class RegistryBench implements Callable<Integer> {
        @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", descriptionKey = "cli.option.benchRows")
        int rows;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "1000", descriptionKey = "cli.option.benchBatch")
        int batch;

        private final CliContext ctx;

        RegistryBench(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (rows < 1 || batch < 1) {
                throw new org.carnet.core.common.AppException("cli.bench.badArgs", "rows and batch must be positive");
            }
            inTempDir("carnet-bench", dir -> {
                RegistryBenchmark.Result r = RegistryBenchmark.run(dir, rows, batch,
                        !Boolean.getBoolean(InitCommand.FAST_KDF_PROPERTY), ProgressSink.NONE);
                ctx.out().println(ctx.text("cli.bench.header", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
                ctx.out().println(ctx.text("cli.bench.inserts", String.format("%,.0f", r.insertsPerSecond()), r.rows(),
                        r.batchSize()));
                ctx.out().println(ctx.text("cli.bench.unlock", String.format("%.2f", r.unlockSeconds()),
                        r.kdf().memoryKiB() / 1024, r.kdf().iterations(), r.kdf().parallelism()));
                ctx.out().println(ctx.text("cli.bench.lookup", String.format("%.1f", r.lookupMicros()), r.lookups()));
                ctx.out().println(ctx.text("cli.bench.size", String.format("%.1f", r.megabytesPer100k()),
                        String.format("%.1f", r.fileBytes() / 1e6), r.rows()));
            });
            return 0;
        }
    }

    /** {@code carnet bench mpi [--size N] [--queries N] [--seed N]}: MPI resolution speed against a large index. */
    @Command(name = "mpi")
    static final class MpiBench implements Callable<Integer> {
        @Option(names = "--size", paramLabel = "N", defaultValue = "1000000", descriptionKey = "cli.option.benchMpiSize")
        int size;

        @Option(names = "--queries", paramLabel = "N", defaultValue = "2000",
                descriptionKey = "cli.option.benchMpiQueries")
        int queries;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", descriptionKey = "cli.option.mpiSeed")
        long seed;

        @Option(names = "--registry", descriptionKey = "cli.option.benchMpiRegistry")
        boolean registry;

        private final CliContext ctx;

        MpiBench(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (size < 1 || queries < 1) {
                throw new org.carnet.core.common.AppException("cli.bench.badArgs", "size and queries must be positive");
            }
            if (registry) {
                inTempDir("carnet-bench-mpi", dir -> {
                    org.carnet.core.mpi.MpiBenchmark.RegistryResult rr = org.carnet.core.mpi.MpiBenchmark
                            .fromRegistry(dir, size, seed, ProgressSink.NONE);
                    ctx.out().println(ctx.text("cli.bench.mpiHeader", Runtime.getRuntime().availableProcessors(),
                            System.getProperty("java.version")));
                    ctx.out().println(ctx.text("cli.bench.mpiRegistry", rr.identities(),
                            String.format("%.1f", rr.insertSeconds()), String.format("%.1f", rr.unlockSeconds()),
                            String.format("%.1f", rr.buildSeconds()), rr.heapUsedMiB()));
                });
                return 0;
            }
            org.carnet.core.mpi.MpiBenchmark.Result r = org.carnet.core.mpi.MpiBenchmark.run(size, queries, seed,
                    ProgressSink.NONE);
            ctx.out().println(ctx.text("cli.bench.mpiHeader", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version")));
            ctx.out().println(ctx.text("cli.bench.mpiBuild", r.identities(), String.format("%.1f", r.buildSeconds()),
                    r.postings(), String.format("%.1f", r.trainSeconds())));
            ctx.out().println(ctx.text("cli.bench.mpiLatency", r.queries(), String.format("%.2f", r.p50()),
                    String.format("%.2f", r.p99()), String.format("%.2f", r.max()),
                    String.format("%.0f", r.meanCandidates())));
            ctx.out().println(ctx.text("cli.bench.mpiDecisions", r.linked(), r.review(), r.created(),
                    r.skippedBlocks()));
            ctx.out().println(ctx.text("cli.bench.mpiHeap", r.heapUsedMiB(), r.heapMaxMiB()));
            return 0;
        }
    }

    /** {@code carnet bench sync [--size N] [--page-size N]}: end-to-end sync speed against the in-process demo. */
    @Command(name = "sync")
    static final class SyncBench implements Callable<Integer> {
        @Option(names = "--size", paramLabel = "N", defaultValue = "100000", descriptionKey = "cli.option.benchSyncSize")
        int size;

        @Option(names = "--page-size", paramLabel = "N", defaultValue = "200",
                descriptionKey = "cli.option.benchSyncPage")
        int pageSize;

        private final CliContext ctx;

        SyncBench(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (size < 1 || pageSize < 1) {
                throw new org.carnet.core.common.AppException("cli.bench.badArgs", "sizes must be positive");
            }
            inTempDir("carnet-bench-sync", dir -> {
                org.carnet.core.sync.SyncBenchmark.Result r = org.carnet.core.sync.SyncBenchmark.run(dir, size,
                        pageSize, ProgressSink.NONE);
                ctx.out().println(ctx.text("cli.bench.syncHeader", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
                ctx.out().println(ctx.text("cli.bench.sync", r.size(), r.fetched(), r.enrollments(),
                        String.format("%.1f", r.seconds()), String.format("%,.0f", r.enrollmentsPerSecond()),
                        r.peakHeapMb(), r.maxHeapMb()));
            });
            return 0;
        }
    }

    /** {@code carnet bench render [--template NAME] [--cards N]}: card rendering, PNG encoding and bulk PDF speed. */
    @Command(name = "render")
    static final class RenderBench implements Callable<Integer> {
        @Option(names = "--template", paramLabel = "NAME", defaultValue = "pulse",
                descriptionKey = "cli.option.benchRenderTemplate")
        String template;

        @Option(names = "--cards", paramLabel = "N", defaultValue = "1000", descriptionKey = "cli.option.benchRenderCards")
        int cards;

        private final CliContext ctx;

        RenderBench(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (cards < 1) {
                throw new org.carnet.core.common.AppException("cli.bench.badArgs", "cards must be positive");
            }
            inTempDir("carnet-bench-render", dir -> {
                org.carnet.core.render.RenderBenchmark.Result r = org.carnet.core.render.RenderBenchmark.run(template,
                        cards, dir, ProgressSink.NONE);
                ctx.out().println(ctx.text("cli.bench.renderHeader", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), r.template()));
                ctx.out().println(ctx.text("cli.bench.renderPng", String.format("%.1f", r.cardPngMs()),
                        String.format("%.1f", r.renderMs()), String.format("%.1f", r.encodeMs()), r.pngBytes() / 1024));
                ctx.out().println(ctx.text("cli.bench.renderPreview", String.format("%.1f", r.previewMs())));
                ctx.out().println(ctx.text("cli.bench.renderPdf", r.pdfCards(), String.format("%.1f", r.pdfSeconds()),
                        String.format("%.1f", r.pdfBytes() / 1e6), String.format("%.1f", r.pdfBytes() / 1024.0
                                / r.pdfCards()), r.peakHeapMiB(), r.peakRssMiB()));
            });
            return 0;
        }
    }

    /**
     * {@code carnet bench generate [--cards N] [--format pdf|a4|png-zip] [--template NAME]}: a bulk generation job
     * over a synced demo registry, end to end.
     */
    @Command(name = "generate")
    static final class GenerateBench implements Callable<Integer> {
        @Option(names = "--cards", paramLabel = "N", defaultValue = "1000", descriptionKey = "cli.option.benchRenderCards")
        int cards;

        @Option(names = "--format", paramLabel = "pdf|a4|png-zip", defaultValue = "pdf",
                descriptionKey = "cli.option.generateFormat")
        String format;

        @Option(names = "--template", paramLabel = "NAME", defaultValue = "pulse",
                descriptionKey = "cli.option.benchRenderTemplate")
        String template;

        private final CliContext ctx;

        GenerateBench(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            org.carnet.core.cards.OutputFormat f = org.carnet.core.cards.OutputFormat.of(format).orElseThrow(() ->
                    new org.carnet.core.common.AppException("cli.generate.format", "unknown format", format));
            if (cards < 1) {
                throw new org.carnet.core.common.AppException("cli.bench.badArgs", "cards must be positive");
            }
            inTempDir("carnet-bench-generate", dir -> {
                org.carnet.core.cards.GenerationBenchmark.Result r = org.carnet.core.cards.GenerationBenchmark.run(dir,
                        cards, f, template, ProgressSink.NONE);
                ctx.out().println(ctx.text("cli.bench.generateHeader", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), template));
                ctx.out().println(ctx.text("cli.bench.generate", r.cards(), r.format().code(),
                        String.format("%.1f", r.seconds()), String.format("%.1f", r.cardsPerSecond()),
                        String.format("%.1f", r.bytes() / 1e6), r.files(), r.peakHeapMiB(), r.peakRssMiB()));
            });
            return 0;
        }
    }

    /** What a benchmark does in its temporary folder. */
    @FunctionalInterface
    private interface InDir {
        void run(Path dir) throws Exception;
    }

    /** Runs a benchmark in a new temporary folder, removed afterwards whatever happens. */
    private static void inTempDir(String prefix, InDir work) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        try {
            work.run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** Removes a benchmark's temporary folder and everything in it. */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
