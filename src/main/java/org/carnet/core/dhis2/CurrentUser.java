package org.carnet.core.dhis2;

import java.util.ArrayList;
import java.util.List;

/**
 * The authenticated DHIS2 user from {@code /api/me}: capture org units (the download scope), search org units,
 * programs and authorities.
 */
public record CurrentUser(String id, String username, String displayName, List<OrgUnit> captureOrgUnits,
        List<OrgUnit> searchOrgUnits, List<String> programs, List<String> authorities) {
    public CurrentUser {
        captureOrgUnits = List.copyOf(captureOrgUnits);
        searchOrgUnits = List.copyOf(searchOrgUnits);
        programs = List.copyOf(programs);
        authorities = List.copyOf(authorities);
    }

    /**
     * The root capture org units: those with no ancestor also in the list (deduplicated by path prefix). Downloads use
     * them with the {@code DESCENDANTS} mode, as the Android SDK does.
     */
    public List<OrgUnit> rootCaptureOrgUnits() {
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit u : captureOrgUnits) {
            boolean covered = false;
            for (OrgUnit other : captureOrgUnits) {
                if (other != u && !other.id().equals(u.id()) && u.within(other)) {
                    covered = true;
                    break;
                }
            }
            if (!covered && roots.stream().noneMatch(r -> r.id().equals(u.id()))) {
                roots.add(u);
            }
        }
        return roots;
    }
}
