package org.carnet.app.cli;

import java.util.List;

/**
 * A feature's contribution to the command line. Each feature ships one module, listed in
 * {@code META-INF/services/org.carnet.app.cli.CliModule}; the root command discovers them with
 * {@link java.util.ServiceLoader}, so adding a feature never means editing a central list.
 */
public interface CliModule {
    /** picocli {@code @Command} objects, constructed with the shared context. */
    List<Object> commands(CliContext context);
}
