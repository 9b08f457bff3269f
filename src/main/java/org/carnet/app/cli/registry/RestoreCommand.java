package org.carnet.app.cli.registry;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.registry.Registries;
import org.carnet.core.settings.AppHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet restore --from FILE [--recovery-key]}: restores a backup into this home. The current registry, if
 * any, is kept aside. With {@code --recovery-key} (from CARNET_RECOVERY_KEY or a prompt) a new passphrase is set
 * from CARNET_NEW_PASSPHRASE (or a prompt).
 */
@Command(name = "restore")
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "FILE", required = true, descriptionKey = "cli.option.restoreFrom")
    Path from;

    @Option(names = "--recovery-key", descriptionKey = "cli.option.recoveryKey")
    boolean useRecoveryKey;

    private final CliContext ctx;

    RestoreCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException {
        AppHome home = RegistrySession.home(ctx);
        Path previous;
        if (useRecoveryKey) {
            RecoveryKey key;
            try {
                key = RecoveryKey.parse(new String(Secrets.read(ctx, Secrets.RECOVERY_KEY, "cli.secret.promptRecovery")));
            } catch (IllegalArgumentException e) {
                throw new AppException("cli.restore.badRecoveryKey", "recovery key malformed");
            }
            char[] next = Secrets.readNew(ctx, Secrets.NEW_PASSPHRASE, "cli.secret.promptNew");
            previous = Registries.restore(from, home.registryFile(), key, RegistrySession.actor());
            Registries.openWithRecoveryKey(home.registryFile(), key, next, RegistrySession.actor()).close();
        } else {
            char[] passphrase = Secrets.read(ctx, Secrets.PASSPHRASE, "cli.secret.prompt");
            previous = Registries.restore(from, home.registryFile(), passphrase, RegistrySession.actor());
        }
        ctx.out().println(ctx.text("cli.restore.done", home.registryFile()));
        if (previous != null) {
            ctx.out().println(ctx.text("cli.restore.previous", previous));
        }
        return 0;
    }
}
