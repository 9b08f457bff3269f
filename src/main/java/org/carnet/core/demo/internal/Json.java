package org.carnet.core.demo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared Jackson objects: compact output, no auto-closing of the connection stream. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).build();
    static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Puts a text value unless it is null (DHIS2 omits null fields). */
    static ObjectNode put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return node;
    }
}
