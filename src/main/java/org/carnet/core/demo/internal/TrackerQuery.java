package org.carnet.core.demo.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carnet.core.demo.internal.Metadata.Program;
import org.carnet.core.demo.internal.OrgUnitTree.Unit;
import org.carnet.core.demo.internal.Timestamps.Precision;

/**
 * A tracked-entity list query, read from the parameter names of one API and one DHIS2 release and validated the
 * way that release does (same messages, 409 up to 2.40, 400/403 from 2.41). Names a release does not bind are
 * ignored, as Spring ignores unknown request parameters: on 2.42+ {@code ouMode}/{@code orgUnit} fall back to the
 * default ACCESSIBLE scope. Parameters a release honours but the demo does not simulate answer 400, so a client
 * never gets silently wrong data from the simulation itself.
 */
final class TrackerQuery {
    static final int MAX_LIMIT = 50_000;

    enum Api { OLD, NEW }

    enum Mode { SELECTED, CHILDREN, DESCENDANTS, ACCESSIBLE, CAPTURE, ALL }

    private static final List<String> OLD_UNSIMULATED = List.of("query", "attribute", "filter", "order",
            "lastUpdatedDuration", "programIncidentStartDate", "programIncidentEndDate", "followUp", "eventStatus",
            "eventStartDate", "eventEndDate", "programStage", "assignedUserMode", "assignedUser",
            "includeAllAttributes", "potentialDuplicate");
    private static final List<String> NEW_UNSIMULATED = List.of("filter", "order", "updatedWithin",
            "enrollmentOccurredAfter", "enrollmentOccurredBefore", "followUp", "assignedUserMode", "programStage",
            "eventStatus", "eventOccurredAfter", "eventOccurredBefore", "potentialDuplicate");
    private static final List<String> STATUSES = List.of("ACTIVE", "COMPLETED", "CANCELLED");

    Api api;
    Program program;
    boolean[] scope;
    Set<Integer> entities;
    LocalDateTime updatedFrom;
    LocalDateTime updatedTo;
    boolean updatedToExclusive;
    LocalDate enrolledFrom;
    LocalDate enrolledTo;
    String status;
    boolean includeDeleted;
    boolean paged = true;
    int page = 1;
    int pageSize = 50;
    boolean totalPages;
    boolean pagingParamSent;
    String fields;

    private TrackerQuery() {
    }

    /** {@code /api/trackedEntityInstances} (2.36–2.41). */
    static TrackerQuery parseOld(ApiRequest req, VersionRules rules, Population pop) throws ApiException {
        Reader r = new Reader(req, rules, pop);
        TrackerQuery q = new TrackerQuery();
        q.api = Api.OLD;
        r.rejectUnsimulated(OLD_UNSIMULATED);
        List<String> ou = split(req.param("ou"), ";");
        Mode mode = r.mode("ouMode");
        q.entities = r.entities(split(req.param("trackedEntityInstance"), ";"));
        q.status = r.status("programStatus");
        Precision precision = rules.oldApiDatePrecision();
        q.updatedFrom = r.date("lastUpdatedStartDate", precision);
        q.setUpdatedTo(r.date("lastUpdatedEndDate", null), precision);
        q.enrolledFrom = r.day(req.has("programStartDate") ? "programStartDate" : "programEnrollmentStartDate");
        q.enrolledTo = r.day(req.has("programEndDate") ? "programEndDate" : "programEnrollmentEndDate");
        q.includeDeleted = r.bool("includeDeleted");
        q.readPaging(r, req.has("skipPaging") ? r.bool("skipPaging")
                : rules.oldApiHonoursPagingFalse() && "false".equalsIgnoreCase(req.param("paging")));
        q.fields = req.param("fields");
        q.resolve(r, req.param("program"), req.param("trackedEntityType"), ou, mode);
        return q;
    }

    /** {@code /api/tracker/trackedEntities} (all versions, parameter names per release). */
    static TrackerQuery parseNew(ApiRequest req, VersionRules rules, Population pop) throws ApiException {
        Reader r = new Reader(req, rules, pop);
        TrackerQuery q = new TrackerQuery();
        q.api = Api.NEW;
        r.rejectUnsimulated(NEW_UNSIMULATED);
        if (rules.newApiRejectsRemovedSearchParams()) {
            for (String removed : List.of("query", "attribute", "includeAllAttributes")) {
                if (req.has(removed)) {
                    throw new ApiException(400, "`" + removed + "` parameter was removed in v41. Use `filter` "
                            + "instead.");
                }
            }
            r.rejectUnsimulated(List.of("assignedUser", "assignedUsers"));
        } else if (rules.minor() <= 40) {
            r.rejectUnsimulated(List.of("query", "attribute", "includeAllAttributes", "assignedUser"));
        } else {
            r.rejectUnsimulated(List.of("assignedUsers"));
        }
        List<String> orgUnits;
        Mode mode;
        List<String> teUids;
        boolean unpaged;
        if (!rules.newApiUsesPluralOrgUnits()) {
            orgUnits = split(req.param("orgUnit"), ";");
            mode = r.mode("ouMode");
            teUids = split(req.param("trackedEntity"), ";");
            unpaged = r.bool("skipPaging")
                    || rules.newApiHonoursPagingFalse() && "false".equalsIgnoreCase(req.param("paging"));
        } else if (rules.newApiAcceptsDeprecatedNames()) {
            orgUnits = r.deprecated("orgUnit", split(req.param("orgUnit"), ";"), "orgUnits",
                    split(req.param("orgUnits"), ","));
            mode = r.deprecated("ouMode", r.mode("ouMode"), "orgUnitMode", r.mode("orgUnitMode"));
            teUids = r.deprecated("trackedEntity", split(req.param("trackedEntity"), ";"), "trackedEntities",
                    split(req.param("trackedEntities"), ","));
            Boolean skip = req.has("skipPaging") ? r.bool("skipPaging") : null;
            Boolean paging = req.has("paging") ? r.bool("paging") : null;
            r.deprecated("skipPaging", skip, "paging", paging);
            unpaged = skip != null ? skip : paging != null && !paging;
        } else {
            orgUnits = split(req.param("orgUnits"), ",");
            mode = r.mode("orgUnitMode");
            teUids = split(req.param("trackedEntities"), ",");
            unpaged = req.has("paging") && !r.bool("paging");
        }
        q.entities = r.entities(teUids);
        q.status = rules.newApiHasEnrollmentStatus()
                ? r.deprecated("programStatus", r.status("programStatus"), "enrollmentStatus",
                        r.status("enrollmentStatus"))
                : r.status("programStatus");
        Precision precision = rules.newApiDatePrecision();
        q.updatedFrom = r.date("updatedAfter", precision);
        q.setUpdatedTo(r.date("updatedBefore", null), precision);
        q.enrolledFrom = r.day("enrollmentEnrolledAfter");
        q.enrolledTo = r.day("enrollmentEnrolledBefore");
        q.includeDeleted = r.bool("includeDeleted");
        q.readPaging(r, unpaged);
        q.fields = req.param("fields");
        q.resolve(r, req.param("program"), req.param("trackedEntityType"), orgUnits, mode);
        return q;
    }

    private void setUpdatedTo(LocalDateTime to, Precision precision) {
        if (to == null) {
            return;
        }
        if (precision == Precision.DAY) {
            updatedTo = precision.apply(to).plusDays(1);
            updatedToExclusive = true;
        } else {
            updatedTo = precision.apply(to);
        }
    }

    private void readPaging(Reader r, boolean unpaged) throws ApiException {
        paged = !unpaged;
        pagingParamSent = r.req.has("page") || r.req.has("pageSize") || r.req.has("totalPages");
        page = r.integer("page", 1);
        pageSize = r.integer("pageSize", 50);
        totalPages = r.bool("totalPages");
        if (r.rules.minor() >= 41 && (page < 1 || pageSize < 1)) {
            throw new ApiException(400, (page < 1 ? "page" : "pageSize") + " must be greater than or equal to 1");
        }
        page = Math.max(1, page);
        pageSize = Math.max(1, pageSize);
        if (paged && r.rules.rejectsPageSizeOverLimit() && pageSize > MAX_LIMIT) {
            throw new ApiException(400, "Invalid page size: " + pageSize + ". It must not exceed the system limit of "
                    + "KeyTrackedEntityMaxLimit " + MAX_LIMIT + ".");
        }
    }

    /** Program, type, org units and mode, validated in the order and with the messages of the release. */
    private void resolve(Reader r, String programUid, String typeUid, List<String> orgUnits, Mode mode)
            throws ApiException {
        VersionRules rules = r.rules;
        Population pop = r.pop;
        boolean newRules = rules.minor() >= 41;
        if (newRules) {
            mode = validateNewMode(orgUnits, mode, rules);
        } else if (!orgUnits.isEmpty() && (mode == Mode.ACCESSIBLE || mode == Mode.CAPTURE)) {
            throw new ApiException(409, "ouMode " + mode + " cannot be used with orgUnits. Please remove the orgUnit "
                    + "parameter and try again.");
        }
        if (programUid != null) {
            program = pop.metadata().programByUid(programUid);
            if (program == null) {
                throw new ApiException(rules.badQueryStatus(), "Program is specified but does not exist: "
                        + programUid);
            }
            if (newRules && !program.isTracker()) {
                throw new ApiException(400, "Program specified is not a tracker program: " + programUid);
            }
            if (!program.dataRead()) {
                throw new ApiException(rules.forbiddenStatus(),
                        "Current user is not authorized to read data from selected program:  " + programUid);
            }
        }
        if (typeUid != null && !typeUid.equals(pop.metadata().trackedEntityTypeUid)) {
            throw new ApiException(rules.badQueryStatus(), "Tracked entity type is specified but does not exist: "
                    + typeUid);
        }
        List<Unit> units = new ArrayList<>();
        boolean[] searchable = pop.tree().inside(pop.searchUnits());
        for (String uid : orgUnits) {
            Unit u = pop.tree().byUid(uid);
            if (u == null) {
                throw new ApiException(rules.badQueryStatus(), "Organisation unit does not exist: " + uid);
            }
            if (!searchable[u.index()]) {
                throw new ApiException(rules.forbiddenStatus(), "Organisation unit is not part of the search scope: "
                        + uid);
            }
            units.add(u);
        }
        if (programUid != null && typeUid != null) {
            throw new ApiException(rules.badQueryStatus(), newRules
                    ? "`program` and `trackedEntityType` cannot be specified simultaneously"
                    : "Program and tracked entity cannot be specified simultaneously");
        }
        if (programUid == null && typeUid == null && entities == null && rules.requiresProgramOrType()) {
            throw new ApiException(rules.badQueryStatus(), newRules
                    ? "Either `program`, `trackedEntityType` or `trackedEntities` should be specified"
                    : "Either Program or Tracked entity type should be specified");
        }
        if (status != null && programUid == null) {
            throw new ApiException(rules.badQueryStatus(), newRules
                    ? "`program` must be defined when `" + (rules.newApiHasEnrollmentStatus() && api == Api.NEW
                            ? "enrollmentStatus" : "programStatus") + "` is defined"
                    : "Program must be defined when program status is defined");
        }
        if (!newRules && units.isEmpty() && entities == null
                && !(mode == Mode.ACCESSIBLE || mode == Mode.CAPTURE || mode == Mode.ALL)) {
            throw new ApiException(409, "At least one organisation unit must be specified");
        }
        if (mode == Mode.ALL) {
            throw new ApiException(rules.badQueryStatus(),
                    "Current user is not authorized to query across all organisation units");
        }
        scope = scope(pop, rules, mode, units);
    }

    private static Mode validateNewMode(List<String> orgUnits, Mode mode, VersionRules rules) throws ApiException {
        if (mode == null) {
            return orgUnits.isEmpty() ? Mode.ACCESSIBLE : Mode.SELECTED;
        }
        boolean noUnitsMode = mode == Mode.ACCESSIBLE || mode == Mode.CAPTURE
                || mode == Mode.ALL && rules.minor() >= 42;
        if (!orgUnits.isEmpty() && noUnitsMode) {
            throw new ApiException(400, "orgUnitMode " + mode + " cannot be used with orgUnits. Please remove the "
                    + "orgUnit parameter and try again.");
        }
        if (orgUnits.isEmpty() && (mode == Mode.SELECTED || mode == Mode.CHILDREN || mode == Mode.DESCENDANTS)) {
            throw new ApiException(400, "At least one org unit is required for orgUnitMode: " + mode + ". Please add "
                    + "an orgUnit or use a different orgUnitMode.");
        }
        return mode;
    }

    private static boolean[] scope(Population pop, VersionRules rules, Mode mode, List<Unit> units) {
        OrgUnitTree tree = pop.tree();
        if (mode == Mode.ACCESSIBLE) {
            return tree.inside(pop.searchUnits());
        }
        if (mode == Mode.CAPTURE) {
            return tree.inside(rules.captureModeUsesSearchScope() ? pop.searchUnits() : pop.captureUnits());
        }
        if (mode == Mode.DESCENDANTS) {
            return tree.inside(units);
        }
        boolean[] mask = new boolean[tree.all().size()];
        for (Unit u : units) {
            mask[u.index()] = true;
            if (mode == Mode.CHILDREN) {
                tree.children(u).forEach(c -> mask[c.index()] = true);
            }
        }
        return mask;
    }

    static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Typed access to parameters with DHIS2's binding errors. */
    private static final class Reader {
        final ApiRequest req;
        final VersionRules rules;
        final Population pop;

        Reader(ApiRequest req, VersionRules rules, Population pop) {
            this.req = req;
            this.rules = rules;
            this.pop = pop;
        }

        void rejectUnsimulated(List<String> names) throws ApiException {
            for (String name : names) {
                if (req.has(name)) {
                    throw new ApiException(400, "Parameter `" + name + "` is valid in DHIS2 " + rules.version()
                            + " but the Carnet demo server does not simulate it");
                }
            }
        }

        <T> T deprecated(String oldName, T oldValue, String newName, T newValue) throws ApiException {
            boolean oldSet = oldValue != null && !(oldValue instanceof List<?> l && l.isEmpty());
            boolean newSet = newValue != null && !(newValue instanceof List<?> l && l.isEmpty());
            if (oldSet && newSet) {
                throw new ApiException(400, String.format("Only one parameter of '%s' and '%s' must be specified. "
                        + "Prefer '%s' as '%s' will be removed.", oldName, newName, newName, oldName));
            }
            return oldSet ? oldValue : newValue;
        }

        Mode mode(String name) throws ApiException {
            String v = req.param(name);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Mode.valueOf(v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(name, v, "Valid values are: [SELECTED, CHILDREN, DESCENDANTS, ACCESSIBLE, CAPTURE, ALL]");
            }
        }

        String status(String name) throws ApiException {
            String v = req.param(name);
            if (v == null || v.isBlank()) {
                return null;
            }
            String s = v.strip().toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(s)) {
                throw invalid(name, v, "Valid values are: [ACTIVE, COMPLETED, CANCELLED]");
            }
            return s;
        }

        boolean bool(String name) throws ApiException {
            String v = req.param(name);
            if (v == null || v.isBlank()) {
                return false;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw invalid(name, v, "It should be of type boolean");
        }

        int integer(String name, int fallback) throws ApiException {
            String v = req.param(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw invalid(name, v, "It should be of type Integer");
            }
        }

        LocalDateTime date(String name, Precision precision) throws ApiException {
            String v = req.param(name);
            if (v == null || v.isBlank()) {
                return null;
            }
            LocalDateTime t = Timestamps.parseFilter(v, pop.zone());
            if (t == null) {
                throw invalid(name, v, "It should be of type Date");
            }
            return precision == null ? t : precision.apply(t);
        }

        LocalDate day(String name) throws ApiException {
            LocalDateTime t = date(name, null);
            return t == null ? null : t.toLocalDate();
        }

        Set<Integer> entities(List<String> uids) {
            if (uids.isEmpty()) {
                return null;
            }
            Set<Integer> set = new HashSet<>();
            for (String uid : uids) {
                int i = pop.indexOfUid(uid);
                if (i >= 0) {
                    set.add(i);
                }
            }
            return set;
        }

        private ApiException invalid(String name, String value, String hint) {
            return new ApiException(400, "Value '" + value + "' is not valid for parameter " + name + ". " + hint);
        }
    }
}
