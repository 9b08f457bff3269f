package org.carnet.core.dhis2;

/** An organisation unit reference: uid, path ({@code /root/…/uid}), display name and level (0 when unknown). */
public record OrgUnit(String id, String path, String displayName, int level) {
    /** Whether this unit lies below (or is) {@code ancestor}, judged by path. */
    public boolean within(OrgUnit ancestor) {
        return path != null && ancestor.path() != null
                && (path.equals(ancestor.path()) || path.startsWith(ancestor.path() + "/"));
    }
}
