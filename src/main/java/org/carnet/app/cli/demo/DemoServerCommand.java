package org.carnet.app.cli.demo;

import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.AppException;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.demo.DemoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet demo-server [--port 8080] [--dhis2-version 2.41] [--size 1000] [--seed 42]}: runs the simulated
 * DHIS2 server until Ctrl+C (or until the command's thread is interrupted). Needs no home folder nor passphrase.
 */
@Command(name = "demo-server")
final class DemoServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", descriptionKey = "cli.option.demoPort")
    int port;

    @Option(names = "--dhis2-version", paramLabel = "VERSION", defaultValue = "2.41",
            descriptionKey = "cli.option.demoVersion")
    String version;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1000", descriptionKey = "cli.option.demoSize")
    int size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", descriptionKey = "cli.option.demoSeed")
    long seed;

    private final CliContext ctx;

    DemoServerCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException {
        DemoVersion v;
        try {
            v = DemoVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new AppException("cli.demo.badVersion", e.getMessage(), version, DemoVersion.OLDEST_MINOR,
                    DemoVersion.NEWEST_MINOR);
        }
        if (port < 0 || port > 65_535) {
            throw new AppException("cli.demo.badPort", "port out of range", port);
        }
        if (size < 1 || size > DemoServerConfig.MAX_SIZE) {
            throw new AppException("cli.demo.badSize", "size out of range", size, DemoServerConfig.MAX_SIZE);
        }
        DemoServerConfig config = DemoServerConfig.defaults().withVersion(v).withPort(port).withSize(size)
                .withSeed(seed);
        DemoServer server = DemoServer.start(config);
        Thread hook = new Thread(server::close, "demo-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ctx.out().println(ctx.text("cli.demo.started", server.version()));
            ctx.out().println(ctx.text("cli.demo.url", server.baseUrl()));
            ctx.out().println(ctx.text("cli.demo.user", server.username()));
            ctx.out().println(ctx.text("cli.demo.password", server.password()));
            ctx.out().println(ctx.text("cli.demo.token", server.personalAccessToken()));
            ctx.out().println(ctx.text("cli.demo.entities", server.dataset().size(), Long.toString(seed)));
            ctx.out().println(ctx.text("cli.demo.stop"));
            ctx.out().flush();
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            removeHook(hook);
        }
        return Cli.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hooks: nothing left to undo
        }
    }
}
