package org.carnet.ui.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.carnet.core.common.Eta;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncEngine;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncSettings;
import org.carnet.core.sync.SyncTrigger;
import org.carnet.uikit.TaskRunner;

/**
 * State of the Sync tab over the registry's {@link SyncEngine}: the settings being edited (programs, schedule,
 * webhook), the run under way with its progress and time left, the history, and the last finished run (for the
 * notification). The engine is created when the registry is unlocked and closed when it is locked. No JavaFX controls.
 */
public final class SyncViewModel {
    /** Choices of the schedule, 0 = off. */
    public static final List<Integer> INTERVALS = List.of(0, 10, 15, 30, 60, 180);

    private final TaskRunner tasks;
    private final Executor fx;
    private final Function<Registry, SyncEngine> engines;
    private final Clock clock;
    private final ObjectProperty<SyncEngine> engine = new SimpleObjectProperty<>(this, "engine");
    private final ObservableList<ProgramInfo> programs = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final IntegerProperty interval = new SimpleIntegerProperty(this, "interval");
    private final BooleanProperty webhook = new SimpleBooleanProperty(this, "webhook");
    /** The registry the engine belongs to (the one {@link #attach} was last given). */
    private Registry currentRegistry;
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(SyncSettings.DEFAULT_PORT));
    private final BooleanProperty lan = new SimpleBooleanProperty(this, "lan");
    private final StringProperty secret = new SimpleStringProperty(this, "secret");
    private final StringProperty webhookUrl = new SimpleStringProperty(this, "webhookUrl");
    private final ObjectProperty<Instant> nextRun = new SimpleObjectProperty<>(this, "nextRun");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final LongProperty done = new SimpleLongProperty(this, "done");
    private final LongProperty total = new SimpleLongProperty(this, "total", -1);
    private final ObjectProperty<Duration> remaining = new SimpleObjectProperty<>(this, "remaining");
    private final ObservableList<SyncRun> history = FXCollections.observableArrayList();
    private final ObjectProperty<SyncRun> finished = new SimpleObjectProperty<>(this, "finished");
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final Eta eta = new Eta();

    /**
     * @param fx      runs work on the FX thread (Platform::runLater in the app, direct in tests)
     * @param engines makes the engine of an unlocked registry (the composition root owns the executors)
     */
    public SyncViewModel(TaskRunner tasks, Executor fx, ObservableValue<Registry> registry,
            Function<Registry, SyncEngine> engines, Clock clock) {
        this.tasks = tasks;
        this.fx = fx;
        this.engines = engines;
        this.clock = clock;
        registry.addListener((o, a, b) -> attach(b));
        interval.addListener((o, a, b) -> dirty.set(true));
        webhook.addListener((o, a, b) -> dirty.set(true));
        port.addListener((o, a, b) -> dirty.set(true));
        lan.addListener((o, a, b) -> dirty.set(true));
        if (registry.getValue() != null) {
            attach(registry.getValue());
        }
    }

    private void attach(Registry r) {
        SyncEngine before = engine.get();
        engine.set(null);
        if (before != null) {
            before.close();
        }
        programs.clear();
        history.clear();
        if (r == null) {
            return;
        }
        currentRegistry = r;
        SyncEngine e = engines.apply(r);
        e.service().addListener(run -> fx.execute(() -> ended(run)));
        e.progressTo(new ProgressSink() {
            @Override
            public void progress(long d, long t) {
                fx.execute(() -> progressed(d, t));
            }

            @Override
            public void message(String key, Object... args) {
            }
        });
        engine.set(e);
        tasks.run("sync-start", p -> {
            e.start();
            return new Loaded(r.programs(), e.service().history(null, 50), e.settings());
        }, this::loaded, error::set);
    }

    private record Loaded(List<ProgramInfo> programs, List<SyncRun> history, SyncSettings settings) {
    }

    private void loaded(Loaded l) {
        programs.setAll(l.programs());
        history.setAll(l.history());
        SyncSettings s = l.settings();
        chosen.setAll(s.programs());
        interval.set(s.intervalMinutes());
        webhook.set(s.webhookEnabled());
        port.set(String.valueOf(s.webhookPort()));
        lan.set(s.webhookLan());
        dirty.set(false);
        refreshNext();
    }

    /** Reloads the programs and history (when the tab is shown). */
    public void reload() {
        SyncEngine e = engine.get();
        if (e == null) {
            return;
        }
        Registry r = currentRegistry;
        tasks.run("sync-reload", p -> new Loaded(r.programs(), e.service().history(null, 50), e.settings()), l -> {
            programs.setAll(l.programs());
            history.setAll(l.history());
            refreshNext();
        }, error::set);
    }


    /** Starts a manual sync of the chosen programs (coalesced with one under way). */
    public void syncNow() {
        SyncEngine e = engine.get();
        if (e == null) {
            return;
        }
        running.set(true);
        eta.reset();
        progress.set(-1);
        done.set(0);
        total.set(-1);
        remaining.set(null);
        e.syncNow(SyncTrigger.MANUAL);
    }

    public void cancel() {
        SyncEngine e = engine.get();
        if (e != null) {
            e.cancel();
        }
    }

    private void progressed(long d, long t) {
        running.set(true);
        done.set(d);
        total.set(t);
        progress.set(t > 0 ? Math.min(1, (double) d / t) : -1);
        eta.update(d, t, clock.millis()).ifPresent(remaining::set);
    }

    private void ended(SyncRun run) {
        history.add(0, run);
        if (history.size() > 200) {
            history.remove(200, history.size());
        }
        SyncEngine e = engine.get();
        running.set(e != null && e.running());
        eta.reset();
        progress.set(-1);
        remaining.set(null);
        finished.set(run);
        refreshNext();
    }

    private void refreshNext() {
        SyncEngine e = engine.get();
        nextRun.set(e == null ? null : e.nextRun().orElse(null));
        Optional<Integer> p = e == null ? Optional.empty() : e.webhookPort();
        webhookUrl.set(p.map(n -> "http://" + (lan.get() ? "<this-computer>" : "127.0.0.1") + ":" + n
                + "/hooks/sync").orElse(null));
    }

    /** Saves the settings and applies them (schedule and webhook restarted as needed). */
    public void saveSettings() {
        SyncEngine e = engine.get();
        if (e == null) {
            return;
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException x) {
            portNumber = -1;
        }
        if (portNumber < 1024 || portNumber > 65535) {
            error.set(new org.carnet.core.common.AppException("sync.error.badPort", "bad port", port.get()));
            return;
        }
        SyncSettings next = new SyncSettings(new ArrayList<>(chosen), interval.get(), webhook.get(), portNumber,
                lan.get(), e.settings().reconcileHours());
        tasks.run("sync-settings", p -> {
            e.save(next);
            return next;
        }, s -> {
            dirty.set(false);
            error.set(null);
            refreshNext();
        }, error::set);
    }

    /** Reads the webhook secret (created on first use) into {@link #secretProperty()}. */
    public void revealSecret() {
        SyncEngine e = engine.get();
        if (e == null) {
            return;
        }
        tasks.run("sync-secret", p -> new String(e.webhookSecret()), secret::set, error::set);
    }

    public void setChosen(List<String> programUids) {
        chosen.setAll(programUids);
        dirty.set(true);
    }

    public ObservableList<ProgramInfo> programs() {
        return programs;
    }

    public ObservableList<String> chosen() {
        return chosen;
    }

    public IntegerProperty intervalProperty() {
        return interval;
    }

    public BooleanProperty webhookProperty() {
        return webhook;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty lanProperty() {
        return lan;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    public ObjectProperty<Instant> nextRunProperty() {
        return nextRun;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public LongProperty doneProperty() {
        return done;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<Duration> remainingProperty() {
        return remaining;
    }

    public ObservableList<SyncRun> history() {
        return history;
    }

    public ObjectProperty<SyncRun> finishedProperty() {
        return finished;
    }

    public ObjectProperty<Throwable> errorProperty() {
        return error;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public ObjectProperty<SyncEngine> engineProperty() {
        return engine;
    }
}
