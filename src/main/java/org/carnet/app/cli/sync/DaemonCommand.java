package org.carnet.app.cli.sync;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncEngine;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncSettings;
import org.carnet.core.sync.SyncTrigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet daemon [--interval MIN] [--webhook] [--port N] [--lan] [--now]}: runs the schedule and the webhook
 * headless (an office PC) until stopped; options override the saved sync settings for this session. Each run ends
 * with one line.
 */
@Command(name = "daemon")
final class DaemonCommand implements Callable<Integer> {
    @Option(names = "--interval", paramLabel = "MIN", descriptionKey = "cli.option.daemonInterval")
    Integer interval;

    @Option(names = "--webhook", descriptionKey = "cli.option.daemonWebhook")
    boolean webhookOn;

    @Option(names = "--port", paramLabel = "N", descriptionKey = "cli.option.daemonPort")
    Integer port;

    @Option(names = "--lan", descriptionKey = "cli.option.daemonLan")
    boolean lan;

    @Option(names = "--now", descriptionKey = "cli.option.daemonNow")
    boolean now;

    private final CliContext ctx;

    DaemonCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "sync-runner"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-timer");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        try (Registry registry = RegistrySession.open(ctx)) {
            SyncService service = new SyncService(registry);
            service.setCardStep(new org.carnet.core.cards.CardsFromSync(registry, java.time.Clock.systemDefaultZone()));
            service.addListener(run -> ctx.out().println(ctx.text("cli.daemon.run", run.finishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    run.programUid(), run.trigger().name().toLowerCase(java.util.Locale.ROOT), run.status().code(),
                    run.fetched(), run.created(), run.updated(), run.deleted(), run.errorCode() == null ? ""
                            : run.errorCode())));
            try (SyncEngine engine = new SyncEngine(registry, service, runner, timer, Clock.systemUTC())) {
                SyncSettings saved = SyncEngine.load(registry);
                SyncSettings effective = new SyncSettings(saved.programs(), interval != null ? interval
                        : saved.intervalMinutes(), webhookOn || saved.webhookEnabled(), port != null ? port
                        : saved.webhookPort(), lan || saved.webhookLan(), saved.reconcileHours());
                if (effective.intervalMinutes() == 0 && !effective.webhookEnabled() && !now) {
                    throw new org.carnet.core.common.AppException("cli.daemon.nothing", "no trigger configured");
                }
                engine.save(effective);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    engine.cancel();
                    stopped.countDown();
                }, "daemon-stop"));
                ctx.out().println(ctx.text("cli.daemon.started", effective.intervalMinutes(),
                        engine.nextRun().map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()).orElse("—"), engine.webhookPort()
                                .map(p -> "http://" + (effective.webhookLan() ? "0.0.0.0" : "127.0.0.1") + ":" + p
                                        + "/hooks/sync").orElse("—")));
                if (now) {
                    engine.syncNow(SyncTrigger.MANUAL);
                }
                stopped.await();
                engine.awaitIdle(java.time.Duration.ofSeconds(30));
            }
        } finally {
            runner.shutdownNow();
            timer.shutdownNow();
        }
        return Cli.OK;
    }
}
