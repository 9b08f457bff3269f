package org.carnet.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, filtered into {@code version.properties} by Maven. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/carnet/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }
}
