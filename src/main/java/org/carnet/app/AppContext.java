package org.carnet.app;

import java.util.Locale;
import org.carnet.core.common.AppException;
import org.carnet.core.settings.AppHome;
import org.carnet.core.settings.AppSettings;
import org.carnet.core.settings.SettingsStore;
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

    private AppContext(AppHome home, Locale osLocale) {
        this.home = home;
        this.settingsStore = new SettingsStore(home.settingsFile());
        this.settings = settingsStore.load();
        this.i18n = new I18n(I18n.initial(settings.getLanguage(), osLocale));
        this.executors = new AppExecutors();
        this.tasks = new FxTaskRunner(executors.io());
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
        executors.close();
    }
}
