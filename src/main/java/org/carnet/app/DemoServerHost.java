package org.carnet.app;

import java.util.function.IntConsumer;
import org.carnet.core.common.AppException;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.ui.connection.DemoServerLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the built-in demo DHIS2 server inside the application for "Try Carnet with the demo server": one instance,
 * started on demand, on the port it had last time (so a saved demo connection keeps working after a restart), or on
 * a free port when that one is taken; stopped when the application closes.
 */
final class DemoServerHost implements DemoServerLauncher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoServerHost.class);
    private static final String HOST = "http://127.0.0.1:";

    private final DemoServerConfig config;
    private final Integer preferredPort;
    private final IntConsumer rememberPort;
    private DemoServer server;
    private boolean closed;

    /**
     * @param config        what to serve (its port is ignored)
     * @param preferredPort the port used last time, or null
     * @param rememberPort  told the port actually bound, to prefer it next time
     */
    DemoServerHost(DemoServerConfig config, Integer preferredPort, IntConsumer rememberPort) {
        this.config = config;
        this.preferredPort = preferredPort;
        this.rememberPort = rememberPort;
    }

    @Override
    public synchronized Access start() throws AppException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server == null) {
            server = startOnPreferredPort();
            rememberPort.accept(server.port());
            LOG.info("Demo DHIS2 server {} listening on port {}", server.version(), server.port());
        }
        return new Access(server.baseUrl(), server.username(), server.password());
    }

    private DemoServer startOnPreferredPort() throws AppException {
        if (preferredPort != null && preferredPort > 0) {
            try {
                return DemoServer.start(config.withPort(preferredPort));
            } catch (AppException e) {
                LOG.info("Demo server port {} unavailable, using a free one", preferredPort);
            }
        }
        return DemoServer.start(config.withPort(0));
    }

    @Override
    public synchronized boolean serves(String url) {
        Integer port = server != null ? Integer.valueOf(server.port()) : preferredPort;
        return port != null && url != null && url.replaceAll("/+$", "").equals(HOST + port);
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
            server = null;
            LOG.info("Demo DHIS2 server stopped");
        }
    }
}
