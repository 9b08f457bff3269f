package org.carnet.app.cli.review;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** {@code carnet review list|decide|undo} and {@code carnet person find|show|correct|split}. */
public final class ReviewCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new CommandLine(new ReviewCommand()).addSubcommand(new ReviewCommand.ListItems(ctx))
                        .addSubcommand(new ReviewCommand.Decide(ctx)).addSubcommand(new ReviewCommand.Undo(ctx)),
                new CommandLine(new PersonCommand()).addSubcommand(new PersonCommand.Find(ctx))
                        .addSubcommand(new PersonCommand.Show(ctx)).addSubcommand(new PersonCommand.Correct(ctx))
                        .addSubcommand(new PersonCommand.Split(ctx)));
    }
}
