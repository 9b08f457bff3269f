package org.carnet.core.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.carnet.core.demo.internal.Tokens;

/**
 * How to start a {@link DemoServer}. Start from {@link #defaults()} and change what a test needs:
 * <pre>{@code DemoServerConfig.defaults().withVersion("2.40.4").withSize(200).withClock(fixedClock)}</pre>
 *
 * @param version     the simulated DHIS2 release (default 2.41.3)
 * @param port        TCP port on 127.0.0.1; 0 picks a free one (default)
 * @param size        number of tracked entities generated (default 1000)
 * @param seed        seed of every generated value and UID (default 42)
 * @param username    the demo user (default {@code admin})
 * @param password    its password (default {@code district})
 * @param clock       the server clock; its zone is the server time zone (default system clock in Africa/Dakar)
 * @param accounts    extra accounts for authentication tests (default none)
 * @param systemName  what {@code system/info} calls the server
 */
public record DemoServerConfig(DemoVersion version, int port, int size, long seed, String username, String password,
                               Clock clock, List<DemoAccount> accounts, String systemName) {
    /** Upper bound on generated entities (memory stays around 30 bytes per entity). */
    public static final int MAX_SIZE = 2_000_000;
    /** The default server time zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Africa/Dakar");

    public DemoServerConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(systemName, "systemName");
        accounts = List.copyOf(accounts);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 0 to " + MAX_SIZE + ": " + size);
        }
        if (accounts.stream().anyMatch(a -> a.username().equals(username))) {
            throw new IllegalArgumentException("an extra account reuses the demo user's name");
        }
    }

    /** DHIS2 2.41.3, a free port, 1000 entities, seed 42, admin/district, Africa/Dakar. */
    public static DemoServerConfig defaults() {
        return new DemoServerConfig(DemoVersion.parse("2.41.3"), 0, 1000, 42, "admin", "district",
                Clock.system(DEFAULT_ZONE), List.of(), "Carnet demo — Sénégal");
    }

    /** The same configuration for another release ({@code 2.40}, {@code 2.40.4}, {@code 2.40.4.1}…). */
    public DemoServerConfig withVersion(String text) {
        return withVersion(DemoVersion.parse(text));
    }

    public DemoServerConfig withVersion(DemoVersion v) {
        return new DemoServerConfig(v, port, size, seed, username, password, clock, accounts, systemName);
    }

    public DemoServerConfig withPort(int p) {
        return new DemoServerConfig(version, p, size, seed, username, password, clock, accounts, systemName);
    }

    public DemoServerConfig withSize(int n) {
        return new DemoServerConfig(version, port, n, seed, username, password, clock, accounts, systemName);
    }

    public DemoServerConfig withSeed(long s) {
        return new DemoServerConfig(version, port, size, s, username, password, clock, accounts, systemName);
    }

    public DemoServerConfig withClock(Clock c) {
        return new DemoServerConfig(version, port, size, seed, username, password, c, accounts, systemName);
    }

    public DemoServerConfig withAccounts(DemoAccount... extra) {
        return new DemoServerConfig(version, port, size, seed, username, password, clock, List.of(extra),
                systemName);
    }

    /**
     * The demo user's personal access token: {@code d2pat_} + 32 characters + their CRC32 as 10 digits, derived
     * from the seed (same seed, same token).
     */
    public String personalAccessToken() {
        return Tokens.personalAccessToken(seed, username, "pat");
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "DemoServerConfig[" + version + ", port " + port + ", " + size + " entities, seed " + seed + ", user "
                + username + ", zone " + clock.getZone() + "]";
    }
}
