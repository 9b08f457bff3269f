package org.carnet.core.demo.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A metadata collection endpoint ({@code /api/programs}, {@code /api/organisationUnits}…): {@code filter}
 * ({@code property:operator:value}, all filters must hold), {@code fields} (default {@code id,displayName}),
 * paging ({@code page}, {@code pageSize} default 50, {@code paging=false}) and the metadata {@code pager}.
 */
final class MetadataList {
    private static final FieldFilter DEFAULT_FIELDS = FieldFilter.parse("id,displayName");

    private MetadataList() {
    }

    static Response answer(ApiRequest req, VersionRules rules, String key, List<ObjectNode> items)
            throws ApiException {
        List<ObjectNode> selected = filter(req, items);
        String fields = req.param("fields");
        FieldFilter filter = fields == null || fields.isBlank() ? DEFAULT_FIELDS : FieldFilter.parse(fields);
        boolean paged = !"false".equalsIgnoreCase(req.param("paging"));
        int page = paged ? positive(req, "page", 1) : 1;
        int pageSize = paged ? positive(req, "pageSize", 50) : Math.max(1, selected.size());
        int total = selected.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        int from = Math.min(total, (page - 1) * pageSize);
        int to = Math.min(total, from + pageSize);
        List<ObjectNode> pageItems = selected.subList(from, to);
        return Response.json(200, out -> {
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                g.writeStartObject();
                if (paged) {
                    writePager(g, req, rules, page, pageSize, total, pageCount);
                }
                g.writeArrayFieldStart(key);
                for (ObjectNode item : pageItems) {
                    g.writeTree(filter.apply(item, true));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private static void writePager(JsonGenerator g, ApiRequest req, VersionRules rules, int page, int pageSize,
                                   int total, int pageCount) throws java.io.IOException {
        g.writeObjectFieldStart("pager");
        g.writeNumberField("page", page);
        if (!rules.metadataPagerCountLast()) {
            g.writeNumberField("pageCount", pageCount);
        }
        g.writeNumberField("total", total);
        g.writeNumberField("pageSize", pageSize);
        if (page < pageCount) {
            g.writeStringField("nextPage", req.metadataPageUrl(page + 1));
        }
        if (page > 1) {
            g.writeStringField("prevPage", req.metadataPageUrl(page - 1));
        }
        if (rules.metadataPagerCountLast()) {
            g.writeNumberField("pageCount", pageCount);
        }
        g.writeEndObject();
    }

    private static int positive(ApiRequest req, String name, int fallback) throws ApiException {
        String v = req.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Value '" + v + "' is not valid for parameter " + name
                    + ". It should be of type Integer");
        }
    }

    private static List<ObjectNode> filter(ApiRequest req, List<ObjectNode> items) throws ApiException {
        List<String> filters = req.params().getOrDefault("filter", List.of());
        if (filters.isEmpty()) {
            return items;
        }
        Set<String> known = new HashSet<>();
        items.forEach(i -> i.fieldNames().forEachRemaining(known::add));
        List<Predicate<ObjectNode>> tests = new ArrayList<>();
        for (String f : filters) {
            tests.add(parse(f, known));
        }
        return items.stream().filter(i -> tests.stream().allMatch(t -> t.test(i))).toList();
    }

    private static Predicate<ObjectNode> parse(String filter, Set<String> known) throws ApiException {
        String[] parts = filter.split(":", 3);
        if (parts.length < 2) {
            throw new ApiException(400, "Invalid filter: " + filter);
        }
        String path = parts[0];
        String op = parts[1];
        String value = parts.length > 2 ? parts[2] : "";
        if (!known.contains(path.split("\\.")[0])) {
            throw new ApiException(400, "Unknown path property: `" + path + "`");
        }
        boolean negate = op.startsWith("!");
        String base = negate ? op.substring(1) : op;
        Predicate<String> test = switch (base) {
            case "eq" -> v -> v != null && v.equals(value);
            case "ieq" -> v -> v != null && v.equalsIgnoreCase(value);
            case "ne" -> v -> v == null || !v.equals(value);
            case "like" -> v -> v != null && v.contains(value);
            case "ilike" -> v -> v != null && lower(v).contains(lower(value));
            case "$like" -> v -> v != null && v.startsWith(value);
            case "$ilike" -> v -> v != null && lower(v).startsWith(lower(value));
            case "like$" -> v -> v != null && v.endsWith(value);
            case "ilike$" -> v -> v != null && lower(v).endsWith(lower(value));
            case "in" -> v -> v != null && list(value).contains(v);
            case "null" -> v -> v == null;
            case "empty" -> v -> v == null || v.isEmpty();
            case "gt" -> v -> v != null && compare(v, value) > 0;
            case "ge" -> v -> v != null && compare(v, value) >= 0;
            case "lt" -> v -> v != null && compare(v, value) < 0;
            case "le" -> v -> v != null && compare(v, value) <= 0;
            default -> throw new ApiException(400, "`" + op + "` is not a valid operator");
        };
        Predicate<String> effective = negate ? test.negate() : test;
        return item -> effective.test(text(item, path));
    }

    private static String text(ObjectNode item, String path) {
        JsonNode cur = item;
        for (String part : path.split("\\.")) {
            cur = cur == null ? null : cur.get(part);
        }
        return cur == null || cur.isNull() || cur.isContainerNode() ? null : cur.asText();
    }

    private static List<String> list(String value) {
        String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        return List.of(v.split(","));
    }

    private static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
