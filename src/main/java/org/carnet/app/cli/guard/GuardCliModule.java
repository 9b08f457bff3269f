package org.carnet.app.cli.guard;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** The sensitive data guard's commands: {@code carnet guard classify|eval|list|set|label}. */
public final class GuardCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new CommandLine(new GuardCommand()).addSubcommand(new GuardCommand.Classify(ctx))
                .addSubcommand(new GuardCommand.Eval(ctx))
                .addSubcommand(new GuardPolicyCommands.ListGuarded(ctx))
                .addSubcommand(new GuardPolicyCommands.Set(ctx)).addSubcommand(new GuardPolicyCommands.Label(ctx)));
    }
}
