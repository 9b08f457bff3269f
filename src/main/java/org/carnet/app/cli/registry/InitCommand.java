package org.carnet.app.cli.registry;

import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.crypto.PassphrasePolicy;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.settings.AppHome;
import picocli.CommandLine.Command;

/** {@code carnet init}: creates the encrypted registry and prints its recovery key once. */
@Command(name = "init")
final class InitCommand implements Callable<Integer> {
    /** Tests set this system property to skip the 0.5–1 s calibration; never honoured for a real home. */
    static final String FAST_KDF_PROPERTY = "carnet.test.fastKdf";

    private final CliContext ctx;

    InitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException {
        AppHome home = RegistrySession.home(ctx);
        if (Registries.exists(home.registryFile())) {
            throw new RegistryException("error.registry.exists", "a registry already exists", home.registryFile());
        }
        char[] passphrase = Secrets.readNew(ctx, Secrets.PASSPHRASE, "cli.secret.promptNew");
        PassphrasePolicy.Strength strength = PassphrasePolicy.evaluate(passphrase);
        if (!strength.acceptable()) {
            throw new AppException("cli.init.weak", "passphrase refused", PassphrasePolicy.MIN_LENGTH);
        }
        KdfParams kdf = Boolean.getBoolean(FAST_KDF_PROPERTY) ? Argon2Kdf.forTests() : Argon2Kdf.calibrate();
        Registries.Created created = Registries.create(home.registryFile(), passphrase, kdf, RegistrySession.actor());
        created.registry().close();
        ctx.out().println(ctx.text("cli.init.created", home.registryFile()));
        ctx.out().println(ctx.text("cli.init.kdf", kdf.memoryKiB() / 1024, kdf.iterations(), kdf.parallelism()));
        ctx.out().println();
        ctx.out().println(ctx.text("cli.init.recoveryTitle"));
        ctx.out().println();
        ctx.out().println("    " + created.recoveryKey().display());
        ctx.out().println();
        ctx.out().println(ctx.text("cli.init.recoveryAdvice"));
        created.recoveryKey().destroy();
        return 0;
    }
}
