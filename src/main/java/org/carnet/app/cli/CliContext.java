package org.carnet.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;
import org.carnet.core.settings.AppHome;

/**
 * What every command shares: the resolved home folder (after global options are parsed), the environment, the
 * output streams and the language of messages. The one place, with {@link Cli}, that writes to standard streams.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final String userHome;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Locale locale;
    private String homeOption;
    private boolean debug;

    public CliContext(Map<String, String> env, String userHome, PrintWriter out, PrintWriter err, Locale locale) {
        this.env = env;
        this.userHome = userHome;
        this.out = out;
        this.err = err;
        this.locale = locale;
    }

    void setHomeOption(String homeOption) {
        this.homeOption = homeOption;
    }

    void setDebug(boolean debug) {
        this.debug = debug;
    }

    public boolean debug() {
        return debug;
    }

    public Map<String, String> env() {
        return env;
    }

    public Locale locale() {
        return locale;
    }

    /** The home folder from {@code --home}, {@code CARNET_HOME} or {@code ~/.carnet}; not created. */
    public AppHome home() {
        return AppHome.resolve(homeOption, env, userHome);
    }

    /** The home folder, created if needed. */
    public AppHome existingHome() throws AppException {
        return home().ensureExists();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public String text(String key, Object... args) {
        return Messages.get(locale, key, args);
    }
}
