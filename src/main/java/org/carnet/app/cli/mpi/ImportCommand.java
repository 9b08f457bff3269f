package org.carnet.app.cli.mpi;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.mpi.Decision;
import org.carnet.core.mpi.FileLinkage;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet import --csv FILE --columns SPEC --program NAME}: puts a legacy beneficiary list into the registry
 * through the MPI, each row linked under the program {@code legacy:NAME} with its id. Importing the same list again
 * changes nothing for the rows already imported.
 */
@Command(name = "import")
final class ImportCommand implements Callable<Integer> {
    /** Prefix of the program uid under which a legacy list's rows are linked. */
    static final String PROGRAM_PREFIX = "legacy:";

    @Option(names = "--csv", paramLabel = "FILE", required = true, descriptionKey = "cli.option.importCsv")
    Path csv;

    @Option(names = "--columns", paramLabel = "SPEC", required = true, descriptionKey = "cli.option.mpiColumns")
    String columns;

    @Option(names = "--program", paramLabel = "NAME", required = true, descriptionKey = "cli.option.importProgram")
    String program;

    private final CliContext ctx;

    ImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException {
        if (program.isBlank()) {
            throw new AppException("cli.import.badProgram", "blank program name");
        }
        String programUid = PROGRAM_PREFIX + program.strip();
        List<PersonFields> rows = FileLinkage.read(List.of(csv), FileLinkage.Columns.parse(columns));
        List<MpiService.Request> requests = rows.stream()
                .map(f -> new MpiService.Request(f, programUid, f.id())).toList();
        boolean[] trained = {false};
        List<MpiService.Resolution> done = MpiCommand.withService(ctx, mpi -> {
            // the first list into an untrained registry teaches the model (its duplicates show the prior)
            if (mpi.usesDefaults()) {
                trained[0] = mpi.trainOn(rows, 42).saved();
            }
            return mpi.resolveAll(requests);
        });
        if (trained[0]) {
            ctx.out().println(ctx.text("cli.import.trained", rows.size()));
        }
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        int already = 0;
        for (MpiService.Resolution res : done) {
            if (res.alreadyLinked()) {
                already++;
            } else {
                counts.merge(res.decision(), 1, Integer::sum);
            }
        }
        ctx.out().println(ctx.text("cli.import.done", done.size(), csv.getFileName(),
                counts.getOrDefault(Decision.LINKED, 0), counts.getOrDefault(Decision.NEW, 0),
                counts.getOrDefault(Decision.REVIEW, 0), already));
        return Cli.OK;
    }
}
