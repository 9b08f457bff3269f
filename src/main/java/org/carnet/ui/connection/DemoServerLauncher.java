package org.carnet.ui.connection;

/**
 * Starts Carnet's built-in demo DHIS2 server in process (the application provides it), so a person without a
 * national server can try every tab. {@link #start()} is called off the FX thread.
 */
public interface DemoServerLauncher {
    /** Where the demo server listens and its account. */
    record Access(String url, String username, String password) {
    }

    /** Starts the server, or returns where it already runs. */
    Access start() throws Exception;

    /** True when {@code url} is (or, once started again, will be) the demo server's address. */
    boolean serves(String url);

    /** True while the server runs. */
    boolean running();
}
