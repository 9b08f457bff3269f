package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carnet.core.dhis2.AttributeValue;
import org.carnet.core.dhis2.Enrollment;
import org.carnet.core.dhis2.TrackedEntity;

/**
 * One page of tracked entities, read by streaming: whatever the version, the collection is the first of
 * {@code trackedEntities}, {@code instances}, {@code trackedEntityInstances}; paging comes from a {@code pager} object
 * if present, else the flat fields; every pager field is optional.
 */
record TrackerPage(List<TrackedEntity> entities, Integer page, Integer pageSize, Long total, Integer pageCount,
        boolean pagerPresent, String nextPage) {
    private static final Set<String> COLLECTIONS = Set.of("trackedEntities", "instances", "trackedEntityInstances");

    static TrackerPage read(InputStream in, ObjectMapper mapper) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Transport.MalformedShapeException("tracker page is not a JSON object");
            }
            List<TrackedEntity> entities = null;
            JsonNode pager = null;
            Integer page = null;
            Integer pageSize = null;
            Long total = null;
            Integer pageCount = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (COLLECTIONS.contains(name) && entities == null) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new Transport.MalformedShapeException(name + " is not an array");
                    }
                    entities = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        entities.add(map(mapper.readValue(p, Wire.Entity.class)));
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new Transport.MalformedShapeException(name + " holds a non-object");
                    }
                } else if (name.equals("pager") && value == JsonToken.START_OBJECT) {
                    pager = mapper.readTree(p);
                } else if (name.equals("page") && value.isNumeric()) {
                    page = p.getIntValue();
                } else if (name.equals("pageSize") && value.isNumeric()) {
                    pageSize = p.getIntValue();
                } else if (name.equals("total") && value.isNumeric()) {
                    total = p.getLongValue();
                } else if (name.equals("pageCount") && value.isNumeric()) {
                    pageCount = p.getIntValue();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, p.currentToken(), "page cut short");
            }
            if (entities == null) {
                throw new Transport.MalformedShapeException("no tracked entity collection in the reply");
            }
            String next = null;
            if (pager != null) {
                page = intOr(pager, "page", page);
                pageSize = intOr(pager, "pageSize", pageSize);
                pageCount = intOr(pager, "pageCount", pageCount);
                if (pager.hasNonNull("total") && pager.get("total").isNumber()) {
                    total = pager.get("total").asLong();
                }
                next = pager.hasNonNull("nextPage") ? pager.get("nextPage").asText() : null;
            }
            return new TrackerPage(entities, page, pageSize, total, pageCount, pager != null, next);
        }
    }

    private static Integer intOr(JsonNode node, String field, Integer fallback) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? Integer.valueOf(v.asInt()) : fallback;
    }

    /** Maps one element; program attributes found only on enrollments are merged in (tracked-entity level wins). */
    static TrackedEntity map(Wire.Entity e) throws Transport.MalformedShapeException {
        if (e.trackedEntity() == null || e.trackedEntity().isBlank()) {
            throw new Transport.MalformedShapeException("tracked entity without uid");
        }
        Map<String, AttributeValue> attrs = new LinkedHashMap<>();
        if (e.attributes() != null) {
            for (Wire.Attribute a : e.attributes()) {
                if (a != null && a.attribute() != null) {
                    attrs.put(a.attribute(), value(a));
                }
            }
        }
        List<Enrollment> enrollments = new ArrayList<>();
        if (e.enrollments() != null) {
            for (Wire.EnrollmentDto en : e.enrollments()) {
                if (en == null) {
                    continue;
                }
                enrollments.add(new Enrollment(en.enrollment(), en.program(), en.status(), en.orgUnit(),
                        en.enrolledAt(), en.occurredAt(), en.updatedAt(), Boolean.TRUE.equals(en.deleted())));
                if (en.attributes() != null) {
                    for (Wire.Attribute a : en.attributes()) {
                        if (a != null && a.attribute() != null) {
                            attrs.putIfAbsent(a.attribute(), value(a));
                        }
                    }
                }
            }
        }
        return new TrackedEntity(e.trackedEntity(), e.trackedEntityType(), e.orgUnit(), e.createdAt(), e.updatedAt(),
                Boolean.TRUE.equals(e.inactive()), Boolean.TRUE.equals(e.deleted()), new ArrayList<>(attrs.values()),
                enrollments);
    }

    private static AttributeValue value(Wire.Attribute a) {
        return new AttributeValue(a.attribute(), a.code(), a.displayName(), a.valueType(), a.value());
    }
}
