package org.carnet.core.dhis2;

import java.util.List;

/** The result of a successful connection test: who we are, on which server, and how many Tracker programs we can read. */
public record ConnectionTest(ServerInfo server, CurrentUser user, int programmesAvailable) {
    /** The org units the download will cover (roots of the user's capture scope). */
    public List<OrgUnit> orgUnits() {
        return user.rootCaptureOrgUnits();
    }
}
