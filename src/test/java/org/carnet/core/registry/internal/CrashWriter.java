package org.carnet.core.registry.internal;

import java.nio.file.Path;
import java.time.Clock;
import org.carnet.core.registry.AuditActor;

/**
 * Child process for the kill -9 test: opens the registry and writes batches of identities forever, printing
 * "committed N" to stdout after each commit returns. The parent kills it with SIGKILL mid-write.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        char[] passphrase = args[1].toCharArray();
        int batch = Integer.parseInt(args[2]);
        SqliteRegistry r = SqliteRegistry.open(file, passphrase, AuditActor.current(AuditActor.Channel.CLI),
                Clock.systemUTC());
        int done = 0;
        while (true) {
            r.saveIdentities(RegistryFixtures.people(done, batch));
            done += batch;
            System.out.println("committed " + done);
            System.out.flush();
        }
    }
}
