package org.carnet.core.demo.internal;

import org.carnet.core.demo.DemoVersion;
import org.carnet.core.demo.internal.Timestamps.Precision;

/**
 * Everything that differs between the simulated DHIS2 releases, in one place, each rule named after the behaviour
 * and sourced in {@code docs/dhis2-api.md} (section in brackets).
 */
final class VersionRules {
    private final DemoVersion v;

    VersionRules(DemoVersion version) {
        this.v = version;
    }

    DemoVersion version() {
        return v;
    }

    int minor() {
        return v.minor();
    }

    /** [§4] Top-level {@code username} in /api/me. */
    boolean meHasTopLevelUsername() {
        return v.minor() >= 38;
    }

    /** [§4] Nested {@code userCredentials} in /api/me (removed in 2.42). */
    boolean meHasUserCredentials() {
        return v.minor() <= 41;
    }

    /** [§2.3] Personal access tokens are accepted (2.37 has them off by default, 2.36 has none). */
    boolean acceptsApiTokens() {
        return v.minor() >= 38;
    }

    /** [§2.3] The token checksum is validated (2.41+). */
    boolean validatesTokenChecksum() {
        return v.minor() >= 41;
    }

    /** [§2.2] A disabled account is reported as such (2.38+), not as a generic failure. */
    boolean reportsDisabledAccount() {
        return v.minor() >= 38;
    }

    /** [§2.1, corrections] Where an unauthenticated browser-like request is redirected. */
    String loginPath() {
        if (v.minor() <= 40) {
            return "/dhis-web-commons/security/login.action";
        }
        return v.minor() <= 42 ? "/dhis-web-login/" : "/login/";
    }

    /** [§3] Public {@code /api/loginConfig} (2.41+). */
    boolean hasLoginConfig() {
        return v.minor() >= 41;
    }

    /** [§1] The old {@code /api/trackedEntityInstances} endpoint (removed in 2.42). */
    boolean hasOldTrackerApi() {
        return v.minor() <= 41;
    }

    /** [§8] Invalid tracker queries: 409 Conflict up to 2.40, 400 Bad Request from 2.41. */
    int badQueryStatus() {
        return v.minor() <= 40 ? 409 : 400;
    }

    /** [§8] Access refused in a tracker list query: 409 up to 2.40, 403 from 2.41. */
    int forbiddenStatus() {
        return v.minor() <= 40 ? 409 : 403;
    }

    /** [§1] New API: 2.41 renamed {@code orgUnit/ouMode} to {@code orgUnits/orgUnitMode}, keeping the old as deprecated. */
    boolean newApiUsesPluralOrgUnits() {
        return v.minor() >= 41;
    }

    /** [§1] New API: the deprecated names still bound (2.41 only; 2.42+ ignores them silently). */
    boolean newApiAcceptsDeprecatedNames() {
        return v.minor() == 41;
    }

    /** [§1] New API collection key. */
    String newApiCollectionKey() {
        return v.minor() >= 41 ? "trackedEntities" : "instances";
    }

    /** [§1, corrections] 2.36.0–2.36.2 print the flat page fields only when a paging parameter was sent. */
    boolean newApiPrintsPagingOnlyWhenAsked() {
        return v.minor() == 36 && v.patch() <= 2;
    }

    /** [§1] Flat {@code pageCount} (2.38.5, 2.39.3, 2.40.1 and later 2.38–2.40 patches). */
    boolean newApiFlatPageCount() {
        return switch (v.minor()) {
            case 36, 37 -> false;
            case 38 -> v.patch() >= 5;
            case 39 -> v.patch() >= 3;
            case 40 -> v.patch() >= 1;
            default -> true;
        };
    }

    /** [§1] {@code pager} object in the new API (2.41+). */
    boolean newApiHasPagerObject() {
        return v.minor() >= 41;
    }

    /** [§1] Flat page fields in the new API (up to 2.41). */
    boolean newApiHasFlatPaging() {
        return v.minor() <= 41;
    }

    /** [§7.4] {@code prevPage}/{@code nextPage} links in the pager, next computed with pageSize + 1 rows (2.42+). */
    boolean newApiHasPageLinks() {
        return v.minor() >= 42;
    }

    /** [§1] {@code paging=false} in the new API: 2.36 and 2.41+. */
    boolean newApiHonoursPagingFalse() {
        return v.minor() == 36 || v.minor() >= 41;
    }

    /** [§1] {@code skipPaging=true} in the new API: up to 2.41. */
    boolean newApiHonoursSkipPaging() {
        return v.minor() <= 41;
    }

    /** [§1] {@code paging=false} in the old API: only 2.36. */
    boolean oldApiHonoursPagingFalse() {
        return v.minor() == 36;
    }

    /** [§1] New API {@code fields} filtering (not implemented in 2.36). */
    boolean newApiFiltersFields() {
        return v.minor() >= 37;
    }

    /** [§1] New API default fields leave out relationships, enrollments, events and program owners (2.38+). */
    boolean newApiLeanDefaultFields() {
        return v.minor() >= 38;
    }

    /** [§1] {@code enrollmentStatus} replaces {@code programStatus} (2.42+, the old name deprecated). */
    boolean newApiHasEnrollmentStatus() {
        return v.minor() >= 42;
    }

    /** [§7.5] {@code pageSize} above the system limit answers 400 (2.42+). */
    boolean rejectsPageSizeOverLimit() {
        return v.minor() >= 42;
    }

    /** [§7.5] Unpaged results are cut at the system limit (2.40+). */
    boolean capsUnpagedResults() {
        return v.minor() >= 40;
    }

    /** [§7.5] Default order: internal id descending from 2.42, ascending before. */
    boolean newestFirst() {
        return v.minor() >= 42;
    }

    /** [§7.3] Without org unit and mode: error up to 2.40, ACCESSIBLE from 2.41. */
    boolean defaultsToAccessible() {
        return v.minor() >= 41;
    }

    /** [§7.3] Up to 2.41 CAPTURE is evaluated against the search scope; 2.42 keeps it to the capture scope. */
    boolean captureModeUsesSearchScope() {
        return v.minor() <= 41;
    }

    /** [§7.2] 2.37 added "Either Program or Tracked entity type should be specified". */
    boolean requiresProgramOrType() {
        return v.minor() >= 37;
    }

    /** [§7.2] {@code query}, {@code attribute}, {@code includeAllAttributes} answer 400 in the new API of 2.41. */
    boolean newApiRejectsRemovedSearchParams() {
        return v.minor() == 41;
    }

    /** [§7.6, corrections] Precision of {@code lastUpdatedStartDate} in the old API. */
    Precision oldApiDatePrecision() {
        return switch (v.minor()) {
            case 36, 37 -> Precision.DAY;
            case 38 -> v.patch() >= 6 ? Precision.SECOND : Precision.DAY;
            case 39 -> v.patch() >= 6 ? Precision.MILLISECOND : v.patch() >= 4 ? Precision.SECOND : Precision.DAY;
            case 40 -> v.patch() >= 4 ? Precision.MILLISECOND : v.patch() >= 2 ? Precision.SECOND : Precision.DAY;
            default -> Precision.SECOND;
        };
    }

    /** [§7.6, corrections] Precision of {@code updatedAfter} in the new API: as the old API up to 2.40, ms after. */
    Precision newApiDatePrecision() {
        return v.minor() <= 40 ? oldApiDatePrecision() : Precision.MILLISECOND;
    }

    /** [§3] Fields of /api/system/info that only 2.36 and 2.37 print. */
    boolean systemInfoHasLegacyKeys() {
        return v.minor() <= 37;
    }

    /** [§3] 2.41 moved {@code databaseInfo} (with a {@code time}) before {@code version}. */
    boolean systemInfoDatabaseInfoFirst() {
        return v.minor() >= 41;
    }

    /** [§3] {@code sessionTimeout} and {@code capability} (2.43). */
    boolean systemInfoHasCapability() {
        return v.minor() >= 43;
    }

    /** [§2.1] Versioned {@code /api/NN/} paths (gone in 2.43). */
    boolean acceptsVersionedApiPaths() {
        return v.minor() <= 42;
    }

    /** [§6] 2.41 prints the metadata pager as page, total, pageSize, next/prev, pageCount. */
    boolean metadataPagerCountLast() {
        return v.minor() >= 41;
    }

    /** 2.42 moved from Tomcat to embedded Jetty: its error pages look different. */
    boolean jettyErrorPages() {
        return v.minor() >= 42;
    }
}
