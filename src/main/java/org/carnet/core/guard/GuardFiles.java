package org.carnet.core.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.guard.GuardEvaluation.LabelledAttribute;

/**
 * The guard's JSON Lines files: one object per line with {@code name, shortName, code, description, valueType,
 * options, lang} (the format of {@code guard-eval/dev.jsonl}); labelled files add {@code label} and
 * {@code secondary}. Blank lines are skipped; other fields are ignored when reading and kept when classifying.
 */
public final class GuardFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One object of a JSON Lines file with its 1-based line number. */
    private record Line(int number, ObjectNode json) {
    }

    private GuardFiles() {
    }

    /**
     * Classifies every record of {@code input} and writes them, in the same order, to {@code output} with
     * {@code predicted}, {@code confidence} and {@code reason} added; the file appears complete or not at all.
     * Returns the number of records.
     */
    public static int classify(Path input, Path output, AttributeClassifier classifier) throws AppException {
        StringBuilder out = new StringBuilder();
        List<Line> lines = read(input);
        for (Line line : lines) {
            Classification c = classifier.classify(description(line.json()));
            ObjectNode json = line.json().deepCopy();
            json.put("predicted", c.category().name());
            json.put("confidence", c.confidence());
            json.put("reason", c.reason());
            try {
                out.append(JSON.writeValueAsString(json)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON tree always serialises", e);
            }
        }
        AtomicFiles.write(output, "guard.error.write", w -> {
            w.append(out);
            return lines.size();
        });
        return lines.size();
    }

    /** The labelled records of {@code input}, in file order. */
    public static List<LabelledAttribute> readLabelled(Path input) throws AppException {
        List<LabelledAttribute> out = new ArrayList<>();
        for (Line line : read(input)) {
            SensitiveCategory label = category(input, line, line.json().get("label"));
            Set<SensitiveCategory> secondary = EnumSet.noneOf(SensitiveCategory.class);
            JsonNode s = line.json().get("secondary");
            if (s != null && s.isArray()) {
                for (JsonNode c : s) {
                    secondary.add(category(input, line, c));
                }
            }
            out.add(new LabelledAttribute(description(line.json()), label, secondary));
        }
        return out;
    }

    /** The metadata fields of one record; missing or non-text fields read as empty. */
    static AttributeDescription description(ObjectNode json) {
        List<String> options = new ArrayList<>();
        JsonNode o = json.get("options");
        if (o != null && o.isArray()) {
            o.forEach(v -> {
                if (v.isValueNode() && !v.isNull()) {
                    options.add(v.asText());
                }
            });
        }
        JsonNode lang = json.get("lang");
        return new AttributeDescription(text(json, "name"), text(json, "shortName"), text(json, "code"),
                text(json, "description"), text(json, "valueType"), options,
                lang == null || lang.isNull() ? null : lang.asText());
    }

    private static String text(ObjectNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }

    private static SensitiveCategory category(Path input, Line line, JsonNode value) throws AppException {
        String name = value == null || value.isNull() ? "" : value.asText();
        try {
            return SensitiveCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new AppException("guard.error.label", "unknown label on line " + line.number(), input.getFileName(),
                    line.number(), name);
        }
    }

    private static List<Line> read(Path input) throws AppException {
        List<String> text;
        try {
            text = Files.readAllLines(input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AppException("guard.error.read", "cannot read input: " + e.getClass().getSimpleName(), e,
                    input);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text.get(i));
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (!(node instanceof ObjectNode object)) {
                throw new AppException("guard.error.line", "line " + (i + 1) + " is not a JSON object",
                        input.getFileName(), i + 1);
            }
            out.add(new Line(i + 1, object));
        }
        return out;
    }
}
