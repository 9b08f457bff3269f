package org.carnet.core.demo;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.common.AppException;
import org.carnet.core.demo.internal.Dhis2Simulator;

/**
 * The built-in demo DHIS2 server: a read-only simulation of DHIS2 2.36 … 2.43 on 127.0.0.1, faithful to each
 * release's parameter names, answer shapes, paging, authentication and quirks (docs/dhis2-api.md), over a
 * generated Senegalese Tracker database.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.start(DemoServerConfig.defaults().withVersion("2.42"))) {
 *     String api = server.baseUrl() + "/api/";          // http://127.0.0.1:PORT/api/
 *     // Basic admin:district, or "Authorization: ApiToken " + server.personalAccessToken()
 * }
 * }</pre>
 */
public final class DemoServer implements AutoCloseable {
    private final DemoServerConfig config;
    private final Dhis2Simulator simulator;

    private DemoServer(DemoServerConfig config, Dhis2Simulator simulator) {
        this.config = config;
        this.simulator = simulator;
    }

    /**
     * Generates the dataset and starts serving.
     *
     * @throws AppException {@code demo.error.portInUse} when the port is taken, {@code demo.error.start} on other
     *                      network errors
     */
    public static DemoServer start(DemoServerConfig config) throws AppException {
        List<DemoAccount> accounts = new ArrayList<>();
        accounts.add(new DemoAccount(config.username(), config.password(), DemoAccount.Status.ACTIVE));
        accounts.addAll(config.accounts());
        Dhis2Simulator simulator;
        try {
            simulator = new Dhis2Simulator(config.version(), config.port(), config.size(), config.seed(), accounts,
                    config.clock(), config.systemName());
        } catch (BindException e) {
            throw new AppException("demo.error.portInUse", "port " + config.port() + " is in use", e, config.port());
        } catch (IOException e) {
            throw new AppException("demo.error.start", "demo server could not start: " + e.getMessage(), e,
                    String.valueOf(e.getMessage()));
        }
        simulator.start();
        return new DemoServer(config, simulator);
    }

    /** The DHIS2 base URL, e.g. {@code http://127.0.0.1:8080}; the API lives under {@code /api/}. */
    public String baseUrl() {
        return simulator.baseUrl();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return simulator.port();
    }

    /** The simulated release. */
    public DemoVersion version() {
        return config.version();
    }

    /** The configuration the server was started with. */
    public DemoServerConfig config() {
        return config;
    }

    /** The demo user's name ({@code admin} by default). */
    public String username() {
        return config.username();
    }

    /** The demo user's password ({@code district} by default). */
    public String password() {
        return config.password();
    }

    /** The demo user's personal access token (accepted from 2.38). */
    public String personalAccessToken() {
        return config.personalAccessToken();
    }

    /** The personal access token of the demo user or of an extra account. */
    public String tokenFor(String username) {
        return simulator.tokenOf(username);
    }

    /** A well-formed token of the demo user that has expired. */
    public String expiredToken() {
        return simulator.expiredToken();
    }

    /** Ground truth and mutations of the demo database. */
    public DemoDataset dataset() {
        return simulator.population();
    }

    /** Every request received so far. */
    public DemoRequests requests() {
        return simulator.requests();
    }

    /** Fault injection. */
    public DemoFaults faults() {
        return simulator.faults();
    }

    /** Blocks until {@link #close()} is called (from another thread or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        simulator.awaitClose();
    }

    /** Stops serving; requests in progress are cut. Idempotent. */
    @Override
    public void close() {
        simulator.close();
    }
}
