package org.carnet.app.cli.mpi;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.AppException;
import org.carnet.core.mpi.FileLinkage;
import org.carnet.core.mpi.Linker;
import org.carnet.core.mpi.MpiIdIssuer;
import org.carnet.core.mpi.PersonFields;
import org.carnet.core.mpi.RegionCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet mpi ...}: the master patient index. */
@Command(name = "mpi")
final class MpiCommand extends GroupCommand {

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
                    String.format(java.util.Locale.ROOT, "%.3g", linker.model().lambda())));
            FileLinkage.Summary s;
            if (incremental) {
                MpiIdIssuer ids = new MpiIdIssuer("SN", new RegionCodes(Map.of()), new SecureRandom(), id -> false);
                s = FileLinkage.writeDecisions(linker, ids::issue, out);
                ctx.out().println(ctx.text("cli.mpi.decisions", s.records(), out));
            } else {
                s = FileLinkage.writePairs(linker, minProbability, out);
                ctx.out().println(ctx.text("cli.mpi.pairs", s.candidates(), s.written(), minProbability, out));
            }
            ctx.out().println(ctx.text("cli.mpi.time", String.format(java.util.Locale.ROOT, "%.1f",
                    (System.nanoTime() - t0) / 1e9)));
            return Cli.OK;
        }
    }
}
