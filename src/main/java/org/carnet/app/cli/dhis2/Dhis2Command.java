package org.carnet.app.cli.dhis2;

import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet dhis2 test [--json]}: tests the saved connection. */
@Command(name = "dhis2")
final class Dhis2Command extends GroupCommand {

    @Command(name = "test")
    static final class Test implements Callable<Integer> {
        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        Test(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ConnectionSettings settings;
            try (Registry registry = RegistrySession.open(ctx)) {
                settings = new ConnectionStore(registry).settings(ConnectionStore.DEFAULT_ID).orElseThrow(
                        () -> new AppException("cli.dhis2.noConnection", "no saved connection"));
            }
            try (Dhis2Client client = Dhis2Clients.connect(settings)) {
                ConnectionTest t = client.testConnection();
                ConnectionOutput.print(ctx, t, settings.baseUrl().toString(), json);
            } catch (Dhis2TlsException e) {
                throw ConnectionOutput.untrusted(e);
            } finally {
                settings.credentials().wipe();
            }
            return 0;
        }
    }
}
