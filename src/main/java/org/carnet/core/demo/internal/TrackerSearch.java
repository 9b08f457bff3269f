package org.carnet.core.demo.internal;

import java.util.ArrayList;
import java.util.List;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.internal.Population.Enrollment;

/**
 * Runs a {@link TrackerQuery} the way DHIS2's store does: match on the program owner's org unit (the registering
 * one without a program), order by internal id, cut the page ({@code pageSize + 1} rows on 2.42+ to know whether a
 * next page exists), count the total before any filtering, and only then drop the rows the user may not see under
 * the program's ownership rules. Pages can therefore come back short or empty while later pages hold data.
 */
final class TrackerSearch {
    /** A page: entity indices to print, the total of matching rows (if asked) and whether another page exists. */
    record Result(List<Integer> rows, int total, boolean hasNext) {
    }

    private TrackerSearch() {
    }

    static Result run(Population pop, TrackerQuery q, VersionRules rules) {
        int n = pop.count();
        boolean newestFirst = rules.newestFirst();
        int offset = q.paged ? (int) Math.min(Integer.MAX_VALUE, (long) (q.page - 1) * q.pageSize) : 0;
        int limit = q.paged ? q.pageSize + (rules.newApiHasPageLinks() ? 1 : 0)
                : rules.capsUnpagedResults() ? TrackerQuery.MAX_LIMIT : Integer.MAX_VALUE;
        long from = q.updatedFrom == null ? Long.MIN_VALUE : Timestamps.epochMillis(q.updatedFrom, pop.zone());
        long to = q.updatedTo == null ? Long.MAX_VALUE : Timestamps.epochMillis(q.updatedTo, pop.zone());
        if (q.updatedTo != null && q.updatedToExclusive) {
            to--;
        }
        List<Integer> fetched = new ArrayList<>();
        int matched = 0;
        for (int k = 0; k < n; k++) {
            int i = newestFirst ? n - 1 - k : k;
            if (!matches(pop, q, i, from, to)) {
                continue;
            }
            if (matched >= offset && fetched.size() < limit) {
                fetched.add(i);
            }
            matched++;
            if (!q.totalPages && fetched.size() >= limit) {
                break;
            }
        }
        boolean hasNext = q.paged && fetched.size() > q.pageSize;
        List<Integer> page = hasNext ? fetched.subList(0, q.pageSize) : fetched;
        List<Integer> visible = new ArrayList<>(page.size());
        for (int i : page) {
            if (ownershipAllows(pop, q, i)) {
                visible.add(i);
            }
        }
        return new Result(visible, matched, hasNext);
    }

    private static boolean matches(Population pop, TrackerQuery q, int i, long from, long to) {
        if (pop.deleted(i) && !q.includeDeleted) {
            return false;
        }
        if (q.entities != null && !q.entities.contains(i)) {
            return false;
        }
        int unit;
        if (q.program != null) {
            DemoProgramKind kind = q.program.kind();
            if (!pop.inProgram(i, kind) || !enrollmentMatches(pop, q, i, kind)) {
                return false;
            }
            unit = pop.owner(i, kind);
        } else {
            unit = pop.registrationUnit(i);
        }
        if (!q.scope[unit]) {
            return false;
        }
        long updated = pop.updatedAtMillis(i);
        return updated >= from && updated <= to;
    }

    private static boolean enrollmentMatches(Population pop, TrackerQuery q, int i, DemoProgramKind kind) {
        if (q.includeDeleted && q.status == null && q.enrolledFrom == null && q.enrolledTo == null) {
            return true;
        }
        for (Enrollment e : pop.enrollments(i)) {
            if (e.program() != kind || e.deleted() && !q.includeDeleted) {
                continue;
            }
            if (q.status != null && !q.status.equals(e.status())) {
                continue;
            }
            var enrolled = Timestamps.local(e.enrolledAt(), pop.zone()).toLocalDate();
            if (q.enrolledFrom != null && enrolled.isBefore(q.enrolledFrom)
                    || q.enrolledTo != null && enrolled.isAfter(q.enrolledTo)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** DHIS2's ownership check: PROTECTED and CLOSED need the owner in the capture scope, others in the search scope. */
    static boolean ownershipAllows(Population pop, TrackerQuery q, int i) {
        if (q.program == null) {
            return true;
        }
        return programVisible(pop, q.program, i);
    }

    static boolean programVisible(Population pop, Metadata.Program program, int i) {
        int owner = pop.owner(i, program.kind());
        return program.isProtectedOrClosed() ? pop.inCaptureScope(owner) : pop.inSearchScope(owner);
    }
}
