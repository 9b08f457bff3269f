package org.carnet.app.cli.registry;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;
import picocli.CommandLine;

/** The registry's commands: init, registry stats, audit, passphrase, backup, restore, bench registry, bench mpi. */
public final class RegistryCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(
                new InitCommand(ctx),
                new CommandLine(new RegistryCommand()).addSubcommand(new RegistryCommand.Stats(ctx)),
                new CommandLine(new AuditCommand()).addSubcommand(new AuditCommand.Verify(ctx))
                        .addSubcommand(new AuditCommand.ListEntries(ctx)),
                new CommandLine(new PassphraseCommand()).addSubcommand(new PassphraseCommand.Change(ctx)),
                new BackupCommand(ctx),
                new RestoreCommand(ctx),
                new CommandLine(new BenchCommand()).addSubcommand(new BenchCommand.RegistryBench(ctx))
                        .addSubcommand(new BenchCommand.MpiBench(ctx))
                        .addSubcommand(new BenchCommand.SyncBench(ctx))
                        .addSubcommand(new BenchCommand.RenderBench(ctx))
                        .addSubcommand(new BenchCommand.GenerateBench(ctx)));
    }
}
