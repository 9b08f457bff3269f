package org.carnet.app.cli.mpi;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** The MPI's commands: {@code carnet mpi link|train|stats|export} and {@code carnet import}. */
public final class MpiCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new CommandLine(new MpiCommand()).addSubcommand(new MpiCommand.Link(ctx))
                        .addSubcommand(new MpiCommand.Train(ctx)).addSubcommand(new MpiCommand.Stats(ctx))
                        .addSubcommand(new MpiCommand.Export(ctx)),
                new ImportCommand(ctx));
    }
}
