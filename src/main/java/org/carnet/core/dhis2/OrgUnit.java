package org.carnet.core.dhis2;

/**
 * An organisation unit reference: uid, path ({@code /root/…/uid}), display name, level (0 when unknown) and code
 * (null when the server has none or was not asked for it).
 */
public record OrgUnit(String id, String path, String displayName, int level, String code) {

    /** A unit without a code. */
    public OrgUnit(String id, String path, String displayName, int level) {
        this(id, path, displayName, level, null);
    }

    /** Whether this unit lies below (or is) {@code ancestor}, judged by path. */
    public boolean within(OrgUnit ancestor) {
        return path != null && ancestor.path() != null
                && (path.equals(ancestor.path()) || path.startsWith(ancestor.path() + "/"));
    }
}
