package org.carnet.app.cli.dhis2;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** The DHIS2 commands: {@code connect}, {@code dhis2 test}, {@code programs}. */
public final class Dhis2CliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new ConnectCommand(ctx),
                new CommandLine(new Dhis2Command()).addSubcommand(new Dhis2Command.Test(ctx)),
                new ProgramsCommand(ctx));
    }
}
