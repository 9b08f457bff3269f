package org.carnet.ui.connection;

/**
 * Starts Carnet's built-in demo DHIS2 server in process (the application provides it), so a person without a
 * national server can try every tab. Called off the FX thread.
 */
@FunctionalInterface
public interface DemoServerLauncher {
    /** Where the demo server listens and its account. */
    record Access(String url, String username, String password) {
    }

    Access start() throws Exception;
}
