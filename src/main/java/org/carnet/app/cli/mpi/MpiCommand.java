package org.carnet.app.cli.mpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.mpi.FileLinkage;
import org.carnet.core.mpi.Linker;
import org.carnet.core.mpi.MatchModel;
import org.carnet.core.mpi.ModelTrainer;
import org.carnet.core.mpi.MpiIdIssuer;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonFields;
import org.carnet.core.mpi.RegionCodes;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet mpi ...}: the master patient index. */
@Command(name = "mpi")
final class MpiCommand extends GroupCommand {
    /** The country part of the MPI ids this build issues. */
    static final String COUNTRY = "SN";

    /** Work on the MPI of the home folder's registry. */
    @FunctionalInterface
    interface MpiWork<T> {
        T run(MpiService mpi) throws AppException;
    }

    /**
     * Unlocks the registry, runs {@code work} on its MPI (region codes derived from district names) and locks it again.
     */
    static <T> T withService(CliContext ctx, MpiWork<T> work) throws AppException {
        try (Registry r = RegistrySession.open(ctx)) {
            return work.run(MpiService.open(r, COUNTRY, new RegionCodes(Map.of())));
        }
    }

    /** The model's prior match probability, to three significant digits. */
    static String prior(MatchModel model) {
        return String.format(Locale.ROOT, "%.3g", model.lambda());
    }

    /**
     * {@code carnet mpi link --input FILE [--input FILE...] --columns SPEC --out FILE [--min-probability P]
     * [--incremental] [--seed N]}: links CSV files as one pool, without a home folder.
     */
    @Command(name = "link")
    static final class Link implements Callable<Integer> {
        @Option(names = "--input", paramLabel = "FILE", required = true, descriptionKey = "cli.option.mpiInput")
        List<Path> inputs;

        @Option(names = "--columns", paramLabel = "SPEC", required = true, descriptionKey = "cli.option.mpiColumns")
        String columns;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.mpiOut")
        Path out;

        @Option(names = "--min-probability", paramLabel = "P", defaultValue = "0.5",
                descriptionKey = "cli.option.mpiMinProbability")
        double minProbability;

        @Option(names = "--incremental", descriptionKey = "cli.option.mpiIncremental")
        boolean incremental;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", descriptionKey = "cli.option.mpiSeed")
        long seed;

        private final CliContext ctx;

        Link(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            if (!(minProbability >= 0 && minProbability <= 1)) {
                throw new AppException("cli.mpi.badProbability", "min probability out of range", minProbability);
            }
            FileLinkage.Columns spec = FileLinkage.Columns.parse(columns);
            long t0 = System.nanoTime();
            List<PersonFields> records = FileLinkage.read(inputs, spec);
            Linker linker = Linker.train(records, seed);
            ctx.out().println(ctx.text("cli.mpi.model", records.size(), linker.model().source(),
                    prior(linker.model())));
            FileLinkage.Summary s;
            if (incremental) {
                MpiIdIssuer ids = new MpiIdIssuer(COUNTRY, new RegionCodes(Map.of()), new SecureRandom(), id -> false);
                s = FileLinkage.writeDecisions(linker, ids::issue, out);
                ctx.out().println(ctx.text("cli.mpi.decisions", s.records(), out));
            } else {
                s = FileLinkage.writePairs(linker, minProbability, out);
                ctx.out().println(ctx.text("cli.mpi.pairs", s.candidates(), s.written(), minProbability, out));
            }
            ctx.out().println(ctx.text("cli.mpi.time", String.format(Locale.ROOT, "%.1f",
                    (System.nanoTime() - t0) / 1e9)));
            return Cli.OK;
        }
    }

    /** {@code carnet mpi train [--seed N]}: re-estimates the model on the registry's identities and stores it. */
    @Command(name = "train")
    static final class Train implements Callable<Integer> {
        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", descriptionKey = "cli.option.mpiSeed")
        long seed;

        private final CliContext ctx;

        Train(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            MpiService.Training t = withService(ctx, mpi -> mpi.train(seed));
            ctx.out().println(t.saved() ? ctx.text("cli.mpi.trained", t.identities(), prior(t.model()))
                    : ctx.text("cli.mpi.notTrained", t.identities(), ModelTrainer.MIN_RECORDS));
            return Cli.OK;
        }
    }

    /** {@code carnet mpi stats [--json]}: identities, linked records per program, pending reviews, the model. */
    @Command(name = "stats")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        Stats(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            MpiService.Stats s = withService(ctx, MpiService::stats);
            MatchModel m = s.model();
            String trainedAt = s.trainedAt() == null ? null : s.trainedAt().toString();
            if (json) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("source", m.source());
                model.put("trained_on", m.trainedOn());
                model.put("lambda", m.lambda());
                model.put("trained_at", trainedAt);
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("identities", s.identities());
                root.put("review_items", s.pendingReviewItems());
                root.put("linked", s.linkedByProgram());
                root.put("model", model);
                ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(root));
                return Cli.OK;
            }
            ctx.out().println(ctx.text("cli.stats.identities", s.identities()));
            ctx.out().println(ctx.text("cli.stats.review", s.pendingReviewItems()));
            ctx.out().println(ctx.text("cli.mpi.stats.linked",
                    s.linkedByProgram().values().stream().mapToLong(Long::longValue).sum()));
            s.linkedByProgram().forEach((program, n) ->
                    ctx.out().println(ctx.text("cli.mpi.stats.program", program, n)));
            ctx.out().println(trainedAt == null ? ctx.text("cli.mpi.stats.modelDefaults", prior(m))
                    : ctx.text("cli.mpi.stats.modelTrained", m.trainedOn(), trainedAt, prior(m)));
            return Cli.OK;
        }
    }

    /** {@code carnet mpi export --out FILE}: {@code tei_uid,program,mpi_id} for every linked record. */
    @Command(name = "export")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.mpiExportOut")
        Path out;

        private final CliContext ctx;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            long rows = withService(ctx, mpi -> mpi.export(out));
            ctx.out().println(ctx.text("cli.mpi.exported", rows, out));
            return Cli.OK;
        }
    }
}
