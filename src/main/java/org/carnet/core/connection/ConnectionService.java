package org.carnet.core.connection;

import java.util.List;
import java.util.function.Function;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.ConnectionTest;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2Program;
import org.carnet.core.dhis2.Dhis2CancelledException;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.registry.ProgramInfo;

/**
 * Tests a connection, reads the programs and saves both in the registry: what "Test and save" in the Connection tab
 * and {@code carnet connect} do. A self-signed server is trusted only when the certificate's fingerprint is the one the
 * admin confirmed.
 */
public final class ConnectionService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionService.class);
    /**
     * What a successful connect found, with the settings actually used (a certificate may have been pinned);
     * {@code judged} is the programs as the registry caches them, each attribute judged by the sensitive-data guard.
     */
    public record Result(ConnectionSettings settings, ConnectionTest test, List<Dhis2Program> programs,
            List<ProgramInfo> judged, List<OrgUnit> orgUnits, ConnectionProfile profile) {
    }

    private final Function<ConnectionSettings, Dhis2Client> clients;

    public ConnectionService() {
        this(Dhis2Clients::connect);
    }

    public ConnectionService(Function<ConnectionSettings, Dhis2Client> clients) {
        this.clients = clients;
    }

    /**
     * Tests {@code settings}; when the server's certificate is untrusted and matches {@code trustFingerprint}, pins it
     * and tests again. Does not save anything.
     */
    public Result test(ConnectionSettings settings, String trustFingerprint) throws AppException {
        return test(settings, trustFingerprint, ProgressSink.NONE, Cancellation.none());
    }

    /** As {@link #test(ConnectionSettings, String)}, reporting its steps and stoppable from another thread. */
    public Result test(ConnectionSettings settings, String trustFingerprint, ProgressSink progress,
            Cancellation cancellation) throws AppException {
        ConnectionSettings effective = settings;
        try (Dhis2Client client = clients.apply(settings)) {
            return run(client, settings, progress, cancellation);
        } catch (Dhis2TlsException e) {
            CertificateInfo cert = e.certificate().orElse(null);
            if (cert == null || trustFingerprint == null || !cert.matches(trustFingerprint)
                    || e.reason() != Dhis2TlsException.Reason.UNTRUSTED) {
                throw e;
            }
            effective = settings.withTrust(settings.trust().withPinned(cert));
        }
        try (Dhis2Client client = clients.apply(effective)) {
            return run(client, effective, progress, cancellation);
        }
    }

    private static Result run(Dhis2Client client, ConnectionSettings settings, ProgressSink progress,
            Cancellation cancellation) throws AppException {
        try (AutoCloseable stop = cancellation.onCancel(client::cancel)) {
            progress.message("connection.progress.server");
            progress.progress(0, 2);
            ConnectionTest test = client.testConnection();
            progress.message("connection.progress.programs");
            progress.progress(1, 2);
            List<Dhis2Program> programs = client.programs();
            List<ProgramInfo> judged = ConnectionStore.toProgramInfo(programs);
            List<OrgUnit> units = orgUnits(client);
            progress.progress(2, 2);
            return new Result(settings, test, programs, judged, units, null);
        } catch (AppException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The org units the user can see, for names of health centres and districts; a server that refuses them still
     * connects (the names then show as unknown until the next refresh).
     */
    private static List<OrgUnit> orgUnits(Dhis2Client client) throws Dhis2CancelledException {
        try {
            return client.orgUnits();
        } catch (Dhis2CancelledException e) {
            throw e;
        } catch (Dhis2Exception e) {
            LOG.warn("Org units not fetched: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Tests, then saves the profile, its secret, the programs and the org units. */
    public Result connectAndSave(ConnectionStore store, String profileId, ConnectionSettings settings,
            String trustFingerprint) throws AppException {
        Result r = test(settings, trustFingerprint);
        ConnectionProfile profile = store.save(profileId, r.settings(), r.test());
        List<ProgramInfo> saved = store.savePrograms(r.programs());
        if (!r.orgUnits().isEmpty()) {
            store.saveOrgUnits(r.orgUnits());
        }
        return new Result(r.settings(), r.test(), r.programs(), saved, r.orgUnits(), profile);
    }
}
