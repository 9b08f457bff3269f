package org.carnet.core.demo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * DHIS2's {@code fields} parameter: {@code a,b[c,d],*,!e}, with {@code :all} and {@code :owner} as {@code *}.
 * Fields that do not exist are left out, as DHIS2 does. In metadata style a nested object or list of objects named
 * without sub-fields is reduced to its {@code id} (DHIS2 prints references that way); tracker style keeps it whole.
 */
final class FieldFilter {
    private final boolean all;
    private final Map<String, FieldFilter> include;
    private final Set<String> exclude;

    private FieldFilter(boolean all, Map<String, FieldFilter> include, Set<String> exclude) {
        this.all = all;
        this.include = include;
        this.exclude = exclude;
    }

    static FieldFilter parse(String spec) {
        Parser p = new Parser(spec.replaceAll("\\s+", ""));
        return p.list();
    }

    /** Applies the filter to an object (or each object of an array). */
    JsonNode apply(JsonNode node, boolean metadataStyle) {
        if (node instanceof ArrayNode array) {
            ArrayNode out = Json.array();
            array.forEach(e -> out.add(apply(e, metadataStyle)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String name = e.getKey();
            if (exclude.contains(name) || !(all || include.containsKey(name))) {
                continue;
            }
            FieldFilter sub = include.get(name);
            JsonNode value = e.getValue();
            if (sub != null) {
                out.set(name, sub.apply(value, metadataStyle));
            } else {
                out.set(name, metadataStyle ? reference(value) : value);
            }
        }
        return out;
    }

    private static JsonNode reference(JsonNode value) {
        if (value instanceof ObjectNode o && o.has("id")) {
            return Json.object().set("id", o.get("id"));
        }
        if (value instanceof ArrayNode a && !a.isEmpty() && a.get(0) instanceof ObjectNode first && first.has("id")) {
            ArrayNode out = Json.array();
            a.forEach(e -> out.add(reference(e)));
            return out;
        }
        return value;
    }

    /** Recursive-descent parser over the fields grammar. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        FieldFilter list() {
            boolean all = false;
            Map<String, FieldFilter> include = new LinkedHashMap<>();
            Set<String> exclude = new HashSet<>();
            while (pos < s.length() && s.charAt(pos) != ']') {
                if (s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                boolean negate = s.charAt(pos) == '!';
                if (negate) {
                    pos++;
                }
                String name = name();
                FieldFilter sub = null;
                if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    sub = list();
                    if (pos < s.length() && s.charAt(pos) == ']') {
                        pos++;
                    }
                }
                if (negate) {
                    exclude.add(name);
                } else if (name.equals("*") || name.equals(":all") || name.equals(":owner")) {
                    all = true;
                } else if (!name.isEmpty()) {
                    include.put(name, sub);
                }
            }
            return new FieldFilter(all, include, exclude);
        }

        private String name() {
            int start = pos;
            while (pos < s.length() && ",[]".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
