package org.carnet.app.cli.cards;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** {@code carnet generate} (bulk card generation) and {@code carnet cards list|design|from-sync}. */
public final class CardsCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new GenerateCommand(ctx),
                new CommandLine(new CardsCommand()).addSubcommand(new CardsCommand.ListCards(ctx))
                        .addSubcommand(new CardsCommand.Design(ctx)).addSubcommand(new CardsCommand.FromSync(ctx)));
    }
}
