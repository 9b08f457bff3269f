package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carnet.core.dhis2.OrgUnit;

/**
 * One page of {@code /api/organisationUnits}, read by streaming: the {@code organisationUnits} array and the metadata
 * {@code pager} ({@code page}, {@code pageCount}, {@code total}, {@code pageSize}, {@code nextPage}, in any order,
 * each optional). Units without a uid are skipped; {@code displayName} falls back to {@code name}; a missing level is
 * taken from the path's depth; a missing path becomes {@code /uid} with level 0 (unknown), as for {@code /api/me}.
 *
 * @param units    the units read, in the server's order
 * @param pathless the uids of those whose path was missing from the reply (their path is only {@code /uid})
 * @param rawCount elements in the array, skipped ones included
 */
record OrgUnitPage(List<OrgUnit> units, Set<String> pathless, int rawCount, boolean pagerPresent, Integer page, Integer pageCount,
        Long total, Integer pageSize, String nextPage) {
    static final String COLLECTION = "organisationUnits";

    static OrgUnitPage read(InputStream in, ObjectMapper mapper) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Transport.MalformedShapeException("organisation unit page is not a JSON object");
            }
            List<OrgUnit> units = null;
            Set<String> pathless = new HashSet<>();
            int raw = 0;
            JsonNode pager = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(COLLECTION) && units == null) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new Transport.MalformedShapeException(COLLECTION + " is not an array");
                    }
                    units = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        raw++;
                        Wire.Unit wire = mapper.readValue(p, Wire.Unit.class);
                        OrgUnit u = map(wire);
                        if (u != null) {
                            units.add(u);
                            if (wire.path() == null || wire.path().isBlank()) {
                                pathless.add(u.id());
                            }
                        }
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new Transport.MalformedShapeException(COLLECTION + " holds a non-object");
                    }
                } else if (name.equals("pager") && value == JsonToken.START_OBJECT) {
                    pager = mapper.readTree(p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, p.currentToken(), "page cut short");
            }
            if (units == null) {
                throw new Transport.MalformedShapeException("no " + COLLECTION + " in the reply");
            }
            if (pager == null) {
                return new OrgUnitPage(units, pathless, raw, false, null, null, null, null, null);
            }
            JsonNode next = pager.get("nextPage");
            return new OrgUnitPage(units, pathless, raw, true, integer(pager, "page"), integer(pager, "pageCount"),
                    pager.path("total").isNumber() ? pager.get("total").asLong() : null, integer(pager, "pageSize"),
                    next != null && next.isTextual() && !next.asText().isBlank() ? next.asText() : null);
        }
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? Integer.valueOf(v.asInt()) : null;
    }

    static OrgUnit map(Wire.Unit u) {
        if (u == null || u.id() == null || u.id().isBlank()) {
            return null;
        }
        String id = u.id().strip();
        String path = u.path() == null || u.path().isBlank() ? null : u.path().strip();
        int level = u.level() != null && u.level() > 0 ? u.level() : path == null ? 0 : depth(path);
        String name = u.displayName() != null ? u.displayName() : u.name();
        String code = u.code() == null || u.code().isBlank() ? null : u.code();
        return new OrgUnit(id, path == null ? "/" + id : path, name, level, code);
    }

    private static int depth(String path) {
        int n = 0;
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether another page may follow page {@code requested} (of {@code requestedSize}): no pager means the whole
     * collection came at once; else {@code nextPage}, or the page count, or the total, or, lacking all three, a full
     * page. An empty page always ends the walk (checked by the caller).
     */
    boolean mayHaveMore(int requested, int requestedSize) {
        if (!pagerPresent) {
            return false;
        }
        if (nextPage != null) {
            return true;
        }
        int current = page != null ? page : requested;
        if (pageCount != null) {
            return current < pageCount;
        }
        if (total != null) {
            int size = pageSize != null && pageSize > 0 ? pageSize : requestedSize;
            return (long) current * size < total;
        }
        return rawCount >= requestedSize;
    }
}
