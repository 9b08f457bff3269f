package org.carnet.app.cli.mapping;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** {@code carnet mapping show|suggest|set|import|export}. */
public final class MappingCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new CommandLine(new MappingCommand()).addSubcommand(new MappingCommand.Show(ctx))
                .addSubcommand(new MappingCommand.Suggest(ctx)).addSubcommand(new MappingCommand.Set(ctx))
                .addSubcommand(new MappingCommand.Import(ctx)).addSubcommand(new MappingCommand.Export(ctx)));
    }
}
