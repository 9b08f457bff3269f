package org.carnet.core.demo.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.concurrent.locks.Lock;
import org.carnet.core.demo.internal.TrackerSearch.Result;

/**
 * {@code GET /api/trackedEntityInstances} (old API, 2.36–2.41) and {@code GET /api/tracker/trackedEntities}: the
 * collection key and paging fields of each release, streamed element by element.
 */
final class TrackerEndpoints {
    private static final FieldFilter ALL = FieldFilter.parse("*");
    private static final FieldFilter LEAN = FieldFilter.parse("*,!relationships,!enrollments,!events,!programOwners");

    private final Population pop;
    private final VersionRules rules;

    TrackerEndpoints(Population pop, VersionRules rules) {
        this.pop = pop;
        this.rules = rules;
    }

    Response oldApi(ApiRequest req) throws ApiException {
        TrackerQuery q = parse(() -> TrackerQuery.parseOld(req, rules, pop));
        FieldFilter fields = filter(q, ALL);
        return Response.json(200, out -> {
            Lock lock = pop.readLock();
            lock.lock();
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                Result result = TrackerSearch.run(pop, q, rules);
                g.writeStartObject();
                if (q.paged && q.totalPages) {
                    g.writeObjectFieldStart("pager");
                    g.writeNumberField("page", q.page);
                    g.writeNumberField("pageCount", pageCount(result.total(), q.pageSize));
                    g.writeNumberField("total", result.total());
                    g.writeNumberField("pageSize", q.pageSize);
                    g.writeEndObject();
                }
                writeElements(g, "trackedEntityInstances", q, result, fields, true);
                g.writeEndObject();
            } finally {
                lock.unlock();
            }
        });
    }

    Response newApi(ApiRequest req) throws ApiException {
        TrackerQuery q = parse(() -> TrackerQuery.parseNew(req, rules, pop));
        FieldFilter fields = rules.newApiFiltersFields() ? filter(q, rules.newApiLeanDefaultFields() ? LEAN : ALL)
                : ALL;
        return Response.json(200, out -> {
            Lock lock = pop.readLock();
            lock.lock();
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                Result result = TrackerSearch.run(pop, q, rules);
                g.writeStartObject();
                if (q.paged) {
                    writeNewPaging(g, req, q, result);
                }
                writeElements(g, rules.newApiCollectionKey(), q, result, fields, false);
                g.writeEndObject();
            } finally {
                lock.unlock();
            }
        });
    }

    /** Parsing looks entity UIDs up, so it runs under the read lock too. */
    private TrackerQuery parse(Parser parser) throws ApiException {
        Lock lock = pop.readLock();
        lock.lock();
        try {
            return parser.parse();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface Parser {
        TrackerQuery parse() throws ApiException;
    }

    private void writeNewPaging(JsonGenerator g, ApiRequest req, TrackerQuery q, Result r) throws IOException {
        boolean withCount = q.totalPages;
        if (rules.newApiHasPagerObject()) {
            g.writeObjectFieldStart("pager");
            writePageFields(g, q, r, withCount, true);
            if (rules.newApiHasPageLinks()) {
                if (q.page > 1) {
                    g.writeStringField("prevPage", req.urlWithPage(q.page - 1));
                }
                if (r.hasNext()) {
                    g.writeStringField("nextPage", req.urlWithPage(q.page + 1));
                }
            }
            g.writeEndObject();
        }
        if (rules.newApiHasFlatPaging() && !(rules.newApiPrintsPagingOnlyWhenAsked() && !q.pagingParamSent)) {
            writePageFields(g, q, r, withCount, rules.newApiFlatPageCount());
        }
    }

    private static void writePageFields(JsonGenerator g, TrackerQuery q, Result r, boolean withCount,
                                        boolean withPageCount) throws IOException {
        g.writeNumberField("page", q.page);
        g.writeNumberField("pageSize", q.pageSize);
        if (withCount) {
            g.writeNumberField("total", r.total());
            if (withPageCount) {
                g.writeNumberField("pageCount", pageCount(r.total(), q.pageSize));
            }
        }
    }

    private void writeElements(JsonGenerator g, String key, TrackerQuery q, Result result, FieldFilter fields,
                               boolean oldApi) throws IOException {
        TrackerJson json = new TrackerJson(pop, oldApi);
        g.writeArrayFieldStart(key);
        for (int i : result.rows()) {
            g.writeTree(fields.apply(json.entity(i, q.program, q.includeDeleted), false));
        }
        g.writeEndArray();
    }

    private static FieldFilter filter(TrackerQuery q, FieldFilter fallback) {
        return q.fields == null || q.fields.isBlank() ? fallback : FieldFilter.parse(q.fields);
    }

    private static int pageCount(int total, int pageSize) {
        return (total + pageSize - 1) / pageSize;
    }
}
