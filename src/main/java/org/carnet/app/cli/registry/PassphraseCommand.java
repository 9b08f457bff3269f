package org.carnet.app.cli.registry;

import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import picocli.CommandLine.Command;

/** {@code carnet passphrase change}: current from CARNET_PASSPHRASE, new from CARNET_NEW_PASSPHRASE (or prompts). */
@Command(name = "passphrase")
final class PassphraseCommand extends GroupCommand {

    @Command(name = "change")
    static final class Change implements Callable<Integer> {
        private final CliContext ctx;

        Change(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            AppHome home = RegistrySession.existingRegistryHome(ctx);
            char[] current = Secrets.read(ctx, Secrets.PASSPHRASE, "cli.secret.prompt");
            try (Registry r = Registries.open(home.registryFile(), current, RegistrySession.actor())) {
                char[] next = Secrets.readNew(ctx, Secrets.NEW_PASSPHRASE, "cli.secret.promptNew");
                r.changePassphrase(current, next);
            }
            ctx.out().println(ctx.text("cli.passphrase.changed"));
            return 0;
        }
    }
}
