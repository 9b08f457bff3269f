package org.carnet.app.cli.cards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.app.cli.render.DesignFiles;
import org.carnet.core.cards.DesignStore;
import org.carnet.core.cards.GenerationJob;
import org.carnet.core.cards.GenerationRequest;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.Eta;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet generate --program UID --template NAME [--design FILE] [--from DATE] [--to DATE] [--org-unit UID]
 * [--status S] [--dpi 300|600] [--no-mpi-id] --format pdf|a4|png-zip --out FILE}, {@code carnet generate --resume}
 * and {@code carnet generate --discard}: bulk card issuance with progress on stderr. An interrupted job (crash, Ctrl+C,
 * full disk) keeps its plan and finished parts: {@code --resume}, or the same command run again, finishes it with the
 * same serials.
 */
@Command(name = "generate")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.generateProgram")
    String program;

    @Option(names = "--template", paramLabel = "NAME", descriptionKey = "cli.option.renderTemplate")
    String template;

    @Option(names = "--design", paramLabel = "FILE", descriptionKey = "cli.option.generateDesign")
    Path design;

    @Option(names = "--from", paramLabel = "DATE", descriptionKey = "cli.option.generateFrom")
    String from;

    @Option(names = "--to", paramLabel = "DATE", descriptionKey = "cli.option.generateTo")
    String to;

    @Option(names = "--org-unit", paramLabel = "UID", descriptionKey = "cli.option.generateOrgUnit")
    String orgUnit;

    @Option(names = "--status", paramLabel = "ACTIVE|COMPLETED|CANCELLED", descriptionKey = "cli.option.generateStatus")
    String status;

    @Option(names = "--dpi", paramLabel = "300|600", defaultValue = "300", descriptionKey = "cli.option.renderDpi")
    int dpi;

    @Option(names = "--no-mpi-id", descriptionKey = "cli.option.generateNoMpiId")
    boolean noMpiId;

    @Option(names = "--format", paramLabel = "pdf|a4|png-zip", descriptionKey = "cli.option.generateFormat")
    String format;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "cli.option.generateOut")
    Path out;

    @Option(names = "--resume", descriptionKey = "cli.option.generateResume")
    boolean resume;

    @Option(names = "--discard", descriptionKey = "cli.option.generateDiscard")
    boolean discard;

    private final CliContext ctx;

    GenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ExecutorService pool = renderPool();
        try (Registry registry = RegistrySession.open(ctx)) {
            GenerationJob job = new GenerationJob(registry, Clock.systemDefaultZone()).withRenderPool(pool);
            Optional<GenerationJob.Pending> pending = job.pending();
            if (discard) {
                if (pending.isEmpty()) {
                    throw new AppException("cards.error.noPendingJob", "no unfinished job");
                }
                job.discardPending();
                ctx.out().println(ctx.text("cli.generate.discarded", pending.get().done(), pending.get().total()));
                return Cli.OK;
            }
            if (resume || pending.isPresent() && sameJob(pending.get())) {
                if (pending.isEmpty()) {
                    throw new AppException("cards.error.noPendingJob", "no unfinished job");
                }
                ctx.err().println(ctx.text("cli.generate.resuming", pending.get().done(), pending.get().total(),
                        pending.get().out()));
                ctx.err().flush();
                return report(job.resume(progress(), Cancellation.none()));
            }
            GenerationRequest request = request(registry);
            return report(job.run(request, progress(), Cancellation.none()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One drawing thread per core for PNG cards (daemon threads: Ctrl+C leaves the job resumable). */
    private static ExecutorService renderPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "card-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private boolean sameJob(GenerationJob.Pending p) {
        return program != null && out != null && p.programUid().equals(program)
                && p.out().equals(out.toAbsolutePath());
    }

    private GenerationRequest request(Registry registry) throws Exception {
        if (program == null || program.isBlank()) {
            throw new AppException("cli.generate.needs", "--program is required", "--program");
        }
        if (out == null) {
            throw new AppException("cli.generate.needs", "--out is required", "--out");
        }
        if (format == null) {
            throw new AppException("cli.generate.needs", "--format is required", "--format");
        }
        OutputFormat f = OutputFormat.of(format).orElseThrow(() ->
                new AppException("cli.generate.format", "unknown format", format));
        CardDesign d;
        if (design != null) {
            d = DesignFiles.read(design);
        } else {
            d = new DesignStore(registry).designFor(program);
        }
        if (template != null) {
            if (!Templates.exists(template)) {
                throw new AppException("render.error.design.template", "unknown template", template,
                        String.join(", ", Templates.ids()));
            }
            d = d.withTemplate(template);
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        return new GenerationRequest(program.strip(), d, new GenerationRequest.Filters(date(from), date(to), orgUnit,
                status), dpi, !noMpiId && d.showMpiId(), f, out);
    }

    private static LocalDate date(String s) throws AppException {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new AppException("cli.sync.badDate", "not an ISO date", s);
        }
    }

    /** Progress lines on stderr: at most one every two seconds, with the time left. */
    private ProgressSink progress() {
        Eta eta = new Eta();
        return new ProgressSink() {
            private long lastPrint;

            @Override
            public void progress(long done, long total) {
                long now = System.nanoTime();
                Optional<Duration> left = eta.update(done, total, now / 1_000_000);
                if (total <= 0 || now - lastPrint < 2_000_000_000L && done < total) {
                    return;
                }
                lastPrint = now;
                ctx.err().println(ctx.text("cli.generate.progress", done, total, (int) (100 * done / total),
                        left.map(this::format).orElse("—")));
                ctx.err().flush();
            }

            @Override
            public void message(String key, Object... args) {
                ctx.err().println(ctx.text(key, args));
                ctx.err().flush();
            }

            private String format(Duration d) {
                long s = Math.max(1, d.toSeconds());
                return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
            }
        };
    }

    private int report(GenerationJob.Result r) {
        switch (r.status()) {
            case EMPTY -> ctx.out().println(ctx.text("cli.generate.empty"));
            case CANCELLED -> ctx.out().println(ctx.text("cli.generate.cancelled"));
            case COMPLETED -> {
                ctx.out().println(ctx.text("cli.generate.done", r.cards(), r.files().size()));
                r.files().forEach(f -> ctx.out().println("  " + f));
                if (r.manifest() != null && !r.files().contains(r.manifest())) {
                    ctx.out().println(ctx.text("cli.generate.manifest", r.manifest()));
                }
            }
            default -> throw new IllegalStateException();
        }
        return r.status() == GenerationJob.Status.CANCELLED ? 130 : Cli.OK;
    }
}
