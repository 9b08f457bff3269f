package org.carnet.app.cli;

import java.util.concurrent.Callable;
import org.carnet.core.common.Version;
import org.carnet.core.settings.AppHome;
import picocli.CommandLine.Command;

/** {@code carnet info}: version, home folder and where its files are, Java runtime. Creates nothing. */
@Command(name = "info")
final class InfoCommand implements Callable<Integer> {
    private final CliContext context;

    InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AppHome home = context.home();
        context.out().println(context.text("cli.info.version", Version.current()));
        context.out().println(context.text("cli.info.home", home.root(),
                context.text(java.nio.file.Files.isDirectory(home.root()) ? "cli.info.exists" : "cli.info.notYet")));
        context.out().println(context.text("cli.info.settings", home.settingsFile()));
        context.out().println(context.text("cli.info.registry", home.registryFile()));
        context.out().println(context.text("cli.info.logs", home.logsDir().resolve("carnet.log")));
        context.out().println(context.text("cli.info.java", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch")));
        return Cli.OK;
    }
}
