package org.carnet.app.cli.sync;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** {@code carnet sync [history]} and {@code carnet daemon}. */
public final class SyncCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new CommandLine(new SyncCommand(ctx)).addSubcommand(new SyncCommand.History(ctx))
                        .addSubcommand(new SyncCommand.WebhookSecret(ctx)),
                new DaemonCommand(ctx));
    }
}
