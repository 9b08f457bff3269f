package org.carnet.core.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.carnet.core.common.AppException;

/**
 * Carnet's home folder: settings, the encrypted registry and logs. Resolved from {@code --home DIR}, else the
 * {@code CARNET_HOME} environment variable, else {@code ~/.carnet}.
 */
public final class AppHome {
    public static final String ENV = "CARNET_HOME";
    public static final String SETTINGS_FILE = "settings.json";

    private final Path root;

    private AppHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static AppHome at(Path root) {
        return new AppHome(root);
    }

    /** Resolves the home from an explicit option, the environment, or the user's home folder, in that order. */
    public static AppHome resolve(String option, Map<String, String> env, String userHome) {
        if (option != null && !option.isBlank()) {
            return new AppHome(Path.of(expand(option.strip(), userHome)));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppHome(Path.of(expand(fromEnv.strip(), userHome)));
        }
        return new AppHome(Path.of(userHome, ".carnet"));
    }

    private static String expand(String p, String userHome) {
        if (p.equals("~")) {
            return userHome;
        }
        if (p.startsWith("~/")) {
            return userHome + p.substring(1);
        }
        return p;
    }

    public Path root() {
        return root;
    }

    public Path settingsFile() {
        return root.resolve(SETTINGS_FILE);
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path registryFile() {
        return root.resolve("registry.db");
    }

    /** Creates the home and its logs folder if needed; fails with a clear message when that is impossible. */
    public AppHome ensureExists() throws AppException {
        try {
            Files.createDirectories(logsDir());
        } catch (IOException | SecurityException e) {
            throw new AppException("error.home.create", "Cannot create home folder " + root, e, root);
        }
        if (!Files.isWritable(root)) {
            throw new AppException("error.home.notWritable", "Home folder is not writable: " + root, root);
        }
        return this;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
