package org.carnet.app.cli.registry;

import org.carnet.app.cli.CliContext;
import org.carnet.app.logging.Logging;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;

/** Opening the registry of the CLI's home folder, with the passphrase from the environment or a prompt. */
public final class RegistrySession {
    private RegistrySession() {
    }

    static AuditActor actor() {
        return AuditActor.current(AuditActor.Channel.CLI);
    }

    static AppHome home(CliContext ctx) throws AppException {
        AppHome home = ctx.existingHome();
        Logging.configure(home.logsDir(), ctx.debug());
        return home;
    }

    static AppHome existingRegistryHome(CliContext ctx) throws AppException {
        AppHome home = home(ctx);
        if (!Registries.exists(home.registryFile())) {
            throw new AppException("cli.registry.none", "no registry in " + home.root(), home.root());
        }
        return home;
    }

    public static Registry open(CliContext ctx) throws AppException {
        AppHome home = existingRegistryHome(ctx);
        char[] passphrase = Secrets.read(ctx, Secrets.PASSPHRASE, "cli.secret.prompt");
        return Registries.open(home.registryFile(), passphrase, actor());
    }
}
