package org.carnet.core.dhis2;

import java.util.List;

/**
 * A read-only client for one DHIS2 server, 2.36 to 2.43. It takes credentials and returns data; it never reads or
 * writes the registry, and no request other than GET or HEAD can leave it. Thread-safe; one request at a time per
 * server is the polite use. Create one with {@link Dhis2Clients#connect(ConnectionSettings)}.
 */
public interface Dhis2Client extends AutoCloseable {

    ConnectionSettings settings();

    /** {@code /api/system/info}: version, server date, time zone. Fails with a typed {@link Dhis2Exception}. */
    ServerInfo serverInfo() throws Dhis2Exception;

    /** {@code /api/me}: the user and their org units. */
    CurrentUser currentUser() throws Dhis2Exception;

    /**
     * System info, then the user, then the number of readable Tracker programs. Rejects versions below 2.36 with
     * {@link Dhis2UnsupportedVersionException}.
     */
    ConnectionTest testConnection() throws Dhis2Exception;

    /** The Tracker programs (WITH_REGISTRATION) the user can read data of, with their attributes and option sets. */
    List<Dhis2Program> programs() throws Dhis2Exception;

    /**
     * Every organisation unit inside the user's capture and search org units (each root's subtree, the roots
     * included), with uid, path, display name, level and code, read from {@code /api/organisationUnits} page by page.
     * An empty list when the user has no org unit. Build an {@link OrgUnitTree} from it to find a unit's district.
     */
    List<OrgUnit> orgUnits() throws Dhis2Exception;

    /** The first {@code limit} tracked entities enrolled in a program, with the total the server counts. */
    EnrollmentPreview enrollmentPreview(String programUid, int limit) throws Dhis2Exception;

    /**
     * Downloads a program's tracked entities page by page with the strategy of the server's version, to the end
     * (never stopping on a short or empty page), delivering each uid once per run.
     */
    <E extends Exception> DownloadSummary download(DownloadRequest request, PageHandler<E> handler)
            throws Dhis2Exception, E;

    /** Cancels the request in flight and every later one; the running call throws {@link Dhis2CancelledException}. */
    void cancel();

    @Override
    void close();
}
