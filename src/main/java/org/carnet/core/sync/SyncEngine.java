package org.carnet.core.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync machinery of one open registry: the settings, the coordinator (one sync at a time, triggers coalesce), the
 * schedule and the webhook, running the {@link SyncService} over the chosen programs. Shared by the window and
 * {@code carnet daemon}. A scheduled run is a full, reconciling run when the program's last full run is older than
 * {@link SyncSettings#reconcileHours()}.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final String SETTINGS = "sync.settings";
    static final String SECRET = "sync.webhook.secret";

    private final Registry registry;
    private final SyncService service;
    private final Clock clock;
    private final SyncCoordinator coordinator;
    private final SyncScheduler scheduler;
    private volatile SyncWebhook webhook;
    private volatile SyncSettings settings = SyncSettings.DEFAULTS;
    private volatile Cancellation current;
    private volatile ProgressSink progress = ProgressSink.NONE;

    public SyncEngine(Registry registry, SyncService service, Executor runner, ScheduledExecutorService timer,
            Clock clock) {
        this.registry = registry;
        this.service = service;
        this.clock = clock;
        this.coordinator = new SyncCoordinator(runner, this::runAll);
        this.scheduler = new SyncScheduler(timer, coordinator, clock);
    }

    public SyncService service() {
        return service;
    }

    /** Reads the saved settings and starts the schedule and the webhook they ask for. */
    public void start() throws AppException {
        apply(load(registry));
    }

    /** The saved settings (defaults when none). */
    public static SyncSettings load(Registry registry) throws RegistryException {
        Optional<byte[]> doc = registry.document(SETTINGS);
        if (doc.isEmpty()) {
            return SyncSettings.DEFAULTS;
        }
        try {
            return JSON.readValue(doc.get(), SyncSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Sync settings unreadable; defaults used");
            return SyncSettings.DEFAULTS;
        }
    }

    /** Saves {@code next} (audited) and applies it: schedule and webhook restarted as needed. */
    public void save(SyncSettings next) throws AppException {
        try {
            registry.saveDocument(SETTINGS, JSON.writeValueAsBytes(next), "sync.settings.saved", "interval="
                    + next.intervalMinutes() + " webhook=" + next.webhookEnabled() + " port=" + next.webhookPort()
                    + " lan=" + next.webhookLan(), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        apply(next);
    }

    private synchronized void apply(SyncSettings next) throws AppException {
        SyncSettings before = settings;
        settings = next;
        if (next.intervalMinutes() > 0) {
            scheduler.start(next.intervalMinutes(), lastRunEnd());
        } else {
            scheduler.stop();
        }
        boolean restartHook = webhook == null ? next.webhookEnabled()
                : !next.webhookEnabled() || next.webhookPort() != before.webhookPort()
                        || next.webhookLan() != before.webhookLan();
        if (restartHook) {
            closeWebhook();
            if (next.webhookEnabled()) {
                char[] secret = webhookSecret();
                try {
                    webhook = SyncWebhook.start(next.webhookLan() ? InetAddress.getByName("0.0.0.0") : null,
                            next.webhookPort(), secret, coordinator, clock);
                } catch (IOException e) {
                    throw new AppException("sync.error.webhookPort", "webhook not started: "
                            + e.getClass().getSimpleName(), e, next.webhookPort());
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
        }
    }

    public SyncSettings settings() {
        return settings;
    }

    /** The webhook's secret, created (random, 32 bytes) the first time it is asked for. */
    public char[] webhookSecret() throws RegistryException {
        return webhookSecret(registry);
    }

    /** The webhook secret of {@code registry}, created (random, 32 bytes) the first time it is asked for. */
    public static char[] webhookSecret(Registry registry) throws RegistryException {
        Optional<byte[]> s = registry.secret(SECRET);
        byte[] bytes = s.orElse(null);
        if (bytes == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            bytes = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
            registry.putSecret(SECRET, bytes);
        }
        char[] out = new String(bytes, StandardCharsets.US_ASCII).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return out;
    }

    /** The port the webhook listens on, when it does. */
    public Optional<Integer> webhookPort() {
        SyncWebhook h = webhook;
        return h == null ? Optional.empty() : Optional.of(h.port());
    }

    /** Asks for a sync of the chosen programs; false when one is running (it will run once more after). */
    public boolean syncNow(SyncTrigger trigger) {
        return coordinator.request(trigger);
    }

    public boolean running() {
        return coordinator.running();
    }

    /** Cancels the run under way (it can be resumed). */
    public void cancel() {
        Cancellation c = current;
        if (c != null) {
            c.cancel();
        }
    }

    /** Where the running sync reports its progress (the window's progress bar). */
    public void progressTo(ProgressSink sink) {
        this.progress = sink == null ? ProgressSink.NONE : sink;
    }

    public Optional<Instant> nextRun() {
        return scheduler.nextRun();
    }

    public boolean awaitIdle(Duration timeout) {
        return coordinator.awaitIdle(timeout);
    }

    private Instant lastRunEnd() throws RegistryException {
        return service.history(null, 1).stream().map(SyncRun::finishedAt).filter(t -> t != null).findFirst()
                .orElse(null);
    }

    /** One coordinated run: every chosen program in turn. */
    private void runAll(SyncTrigger trigger) {
        try {
            List<String> programs = new ArrayList<>(settings.programs());
            if (programs.isEmpty()) {
                for (ProgramInfo p : registry.programs()) {
                    programs.add(p.uid());
                }
            }
            for (String program : programs) {
                Cancellation cancel = Cancellation.none();
                current = cancel;
                SyncRequest request = reconcileDue(program, trigger)
                        ? SyncRequest.full(program, SyncTrigger.RECONCILIATION)
                        : SyncRequest.incremental(program, trigger);
                SyncRun run = service.run(request, progress, cancel);
                if (run.status() == SyncRun.Status.CANCELLED) {
                    break;
                }
            }
        } catch (RegistryException e) {
            LOG.warn("Sync not run: {}", e.messageKey());
        } finally {
            current = null;
            scheduler.runFinished(clock.instant());
        }
    }

    private boolean reconcileDue(String program, SyncTrigger trigger) throws RegistryException {
        if (trigger != SyncTrigger.SCHEDULED || settings.reconcileHours() == 0) {
            return false;
        }
        Instant limit = clock.instant().minus(Duration.ofHours(settings.reconcileHours()));
        List<SyncRun> runs = service.history(program, 50);
        if (runs.isEmpty()) {
            return false;
        }
        return runs.stream().noneMatch(r -> r.mode() == SyncRequest.Mode.FULL && r.status() == SyncRun.Status.SUCCESS
                && r.startedAt().isAfter(limit));
    }

    private void closeWebhook() {
        SyncWebhook h = webhook;
        webhook = null;
        if (h != null) {
            h.close();
        }
    }

    @Override
    public void close() {
        scheduler.stop();
        closeWebhook();
        cancel();
    }
}
