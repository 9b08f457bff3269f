package org.carnet.app;

import org.carnet.app.cli.Cli;

/**
 * The entry point of {@code carnet.jar}. Not a subclass of {@code Application}, so JavaFX can stay on the class
 * path. No arguments (or only {@code --home DIR} / {@code --debug}) open the window; anything else runs a headless
 * command.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Cli.Startup startup = Cli.inspect(args);
        if (!startup.gui()) {
            System.exit(Cli.standard().execute(args));
            return;
        }
        try {
            CarnetApp.launchWith(startup);
        } catch (RuntimeException | LinkageError e) {
            System.exit(Cli.standard().fatal("cli.error.noWindow", e, startup.debug()));
        }
    }
}
