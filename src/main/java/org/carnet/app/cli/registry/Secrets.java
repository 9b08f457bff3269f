package org.carnet.app.cli.registry;

import java.io.Console;
import java.util.Arrays;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;

/**
 * Where the CLI gets passphrases: an environment variable (scripts, CI) or a prompt on the terminal, never an
 * argument (it would show in the process list and the shell history).
 */
final class Secrets {
    static final String PASSPHRASE = "CARNET_PASSPHRASE";
    static final String NEW_PASSPHRASE = "CARNET_NEW_PASSPHRASE";
    static final String RECOVERY_KEY = "CARNET_RECOVERY_KEY";

    private Secrets() {
    }

    static char[] read(CliContext ctx, String env, String promptKey) throws AppException {
        String v = ctx.env().get(env);
        if (v != null && !v.isEmpty()) {
            return v.toCharArray();
        }
        return prompt(ctx, env, promptKey);
    }

    private static char[] prompt(CliContext ctx, String env, String promptKey) throws AppException {
        Console console = System.console();
        if (console == null) {
            throw new AppException("cli.secret.noConsole", "no " + env + " and no terminal", env);
        }
        char[] typed = console.readPassword("%s", ctx.text(promptKey));
        if (typed == null || typed.length == 0) {
            throw new AppException("cli.secret.empty", "nothing typed", env);
        }
        return typed;
    }

    /** A new passphrase: from the variable, or typed twice. */
    static char[] readNew(CliContext ctx, String env, String promptKey) throws AppException {
        String v = ctx.env().get(env);
        if (v != null && !v.isEmpty()) {
            return v.toCharArray();
        }
        char[] first = prompt(ctx, env, promptKey);
        char[] second = prompt(ctx, env, "cli.secret.promptConfirm");
        if (!Arrays.equals(first, second)) {
            throw new AppException("cli.secret.mismatch", "passphrases differ");
        }
        return first;
    }
}
