package org.carnet.app;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.carnet.core.common.AppException;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.guard.Redactor;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import org.carnet.core.settings.AppSettings;
import org.carnet.core.settings.SettingsStore;
import org.carnet.ui.connection.DemoServerLauncher;
import org.carnet.uikit.FxTaskRunner;
import org.carnet.uikit.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that constructs services and hands them to the views. Everything the window
 * needs is built here from the home folder.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppHome home;
    private final SettingsStore settingsStore;
    private final AppSettings settings;
    private final I18n i18n;
    private final AppExecutors executors;
    private final FxTaskRunner tasks;
    private final DemoServerHost demoServer;
    private final ObjectProperty<Registry> registry = new SimpleObjectProperty<>(this, "registry");
    private Supplier<KdfParams> kdfParams = Argon2Kdf::calibrate;

    private AppContext(AppHome home, Locale osLocale) {
        this.home = home;
        this.settingsStore = new SettingsStore(home.settingsFile());
        this.settings = settingsStore.load();
        this.i18n = new I18n(I18n.initial(settings.getLanguage(), osLocale));
        this.executors = new AppExecutors();
        this.tasks = new FxTaskRunner(executors.io());
        this.demoServer = new DemoServerHost(DemoServerConfig.defaults(), settings.getDemoServerPort(), port -> {
            if (!Integer.valueOf(port).equals(settings.getDemoServerPort())) {
                javafx.application.Platform.runLater(() -> {
                    settings.setDemoServerPort(port);
                    saveSettings();
                });
            }
        });
    }

    /** Builds the context on an existing home folder. */
    public static AppContext create(AppHome home, Locale osLocale) throws AppException {
        home.ensureExists();
        return new AppContext(home, osLocale);
    }

    public AppHome home() {
        return home;
    }

    public AppSettings settings() {
        return settings;
    }

    public I18n i18n() {
        return i18n;
    }

    public AppExecutors executors() {
        return executors;
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    /** Starts the built-in demo DHIS2 server for "Try Carnet with the demo server" (stopped on exit). */
    public DemoServerLauncher demoServerLauncher() {
        return demoServer;
    }

    /**
     * The unlocked registry, or null while it is locked (before set-up or unlock, during a restore, in tests that do
     * not need one). Set on the FX thread only; views follow it to enable what needs the registry.
     */
    public ObjectProperty<Registry> registryProperty() {
        return registry;
    }

    public Registry registry() {
        return registry.get();
    }

    /** Takes ownership of an unlocked registry (closed on exit). Does not close the previous one. */
    public void setRegistry(Registry r) {
        registry.set(r);
    }

    /**
     * Hands the registry over to the caller, who closes it; the context then has none, and the log masker forgets the
     * personal values it learnt from it (they belong to the registry being locked).
     */
    public Registry detachRegistry() {
        Registry r = registry.get();
        registry.set(null);
        Redactor.global().clearSensitive();
        return r;
    }

    /** Who the GUI acts as in the audit log: the operating-system user, channel GUI. */
    public AuditActor actor() {
        return AuditActor.current(AuditActor.Channel.GUI);
    }

    /** Argon2id parameters for a new registry: calibrated on this machine; tests inject cheap ones. */
    public Supplier<KdfParams> kdfParams() {
        return kdfParams;
    }

    public void setKdfParams(Supplier<KdfParams> kdfParams) {
        this.kdfParams = kdfParams;
    }

    /** Was the settings file unreadable at start (and moved aside)? */
    public boolean settingsWereUnreadable() {
        return settingsStore.quarantinedFile() != null;
    }

    /** Saves settings; a failure is logged and reported, never fatal. */
    public boolean saveSettings() {
        try {
            settingsStore.save(settings);
            return true;
        } catch (AppException e) {
            LOG.warn("Settings not saved: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        Registry r = registry.get();
        if (r != null) {
            registry.set(null);
            try {
                r.close();
                LOG.info("Registry locked");
            } catch (RuntimeException e) {
                LOG.warn("Registry did not close cleanly: {}", e.getClass().getSimpleName());
            }
        }
        demoServer.close();
        executors.close();
    }
}
