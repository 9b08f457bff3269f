package org.carnet.app.cli;

import org.carnet.core.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code carnet [--home DIR] [--debug] <command>}: global options, inherited by every sub-command. */
@Command(name = "carnet", versionProvider = RootCommand.VersionProvider.class, sortOptions = false,
        synopsisSubcommandLabel = "COMMAND")
final class RootCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    RootCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--home", paramLabel = "DIR", descriptionKey = "cli.option.home", scope = ScopeType.INHERIT)
    void setHome(String home) {
        context.setHomeOption(home);
    }

    @Option(names = "--debug", descriptionKey = "cli.option.debug", scope = ScopeType.INHERIT)
    void setDebug(boolean debug) {
        context.setDebug(debug);
    }

    @Option(names = {"-V", "--version"}, versionHelp = true, descriptionKey = "cli.option.version")
    boolean versionRequested;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean helpRequested;

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return Cli.OK;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Carnet " + Version.current()};
        }
    }
}
