package org.carnet.app.cli.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet backup --out FILE}: a consistent encrypted copy, even while the app runs. */
@Command(name = "backup")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.backupOut")
    Path out;

    private final CliContext ctx;

    BackupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (Registry r = RegistrySession.open(ctx)) {
            r.backup(out);
        }
        ctx.out().println(ctx.text("cli.backup.done", out.toAbsolutePath(), Files.size(out) / 1024));
        return 0;
    }
}
