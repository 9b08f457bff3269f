package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet guard classify|eval} on files, without a home folder. */
class GuardCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        return new Cli(new CliContext(Map.of(), dir.resolve("user").toString(), new PrintWriter(out, true),
                new PrintWriter(err, true), locale)).execute(args);
    }

    private Path write(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void classifyKeepsOrderAndUnknownFieldsAndAddsTheDecision() throws Exception {
        Path in = write("attrs.jsonl",
                "{\"uid\":\"a1\",\"name\":\"HIV CS - Viral Load Test Result\",\"valueType\":\"NUMBER\","
                        + "\"lang\":\"en\"}",
                "",
                "{\"name\":\"Numéro de téléphone\",\"shortName\":\"Téléphone\",\"code\":\"PHONE_NUMBER\","
                        + "\"options\":[],\"lang\":\"fr\",\"extra\":{\"nested\":[1,2]},\"uid\":\"b2\"}",
                "   ",
                "{\"uid\":\"c3\",\"name\":\"Número da conta bancária\",\"lang\":\"pt\"}");
        Path labels = dir.resolve("labels.jsonl");
        assertEquals(0, run(Locale.ENGLISH, "guard", "classify", "--input", in.toString(), "--out",
                labels.toString()), err.toString());
        assertTrue(out.toString().contains("3 records classified"), out.toString());
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            rows.add(json.readTree(line));
        }
        assertEquals(List.of("a1", "b2", "c3"), rows.stream().map(r -> r.get("uid").asText()).toList());
        assertEquals(List.of("HIV_AIDS", "NONE", "FINANCIAL"),
                rows.stream().map(r -> r.get("predicted").asText()).toList());
        JsonNode phone = rows.get(1);
        assertEquals("{\"nested\":[1,2]}", phone.get("extra").toString(), "unknown fields kept as they were");
        assertEquals("Numéro de téléphone", phone.get("name").asText());
        List<String> fields = new ArrayList<>();
        phone.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "shortName", "code", "options", "lang", "extra", "uid", "predicted",
                "confidence", "reason"), fields, "input order kept, decision appended");
        assertTrue(rows.get(0).get("reason").asText().contains("HIV_AIDS"));
        double confidence = rows.get(0).get("confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1, String.valueOf(confidence));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("attrs.jsonl", "labels.jsonl"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file left, no home folder created");
        }
    }

    @Test
    void aMalformedLineIsOneClearErrorWithItsNumber() throws Exception {
        Path in = write("attrs.jsonl", "{\"name\":\"Gender\"}", "", "{\"name\": \"broken\"", "{\"name\":\"x\"}");
        Path labels = dir.resolve("labels.jsonl");
        assertEquals(1, run(Locale.ENGLISH, "guard", "classify", "--input", in.toString(), "--out",
                labels.toString()));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("carnet: Line 3 of attrs.jsonl is not a JSON object"), lines[0]);
        assertFalse(Files.exists(labels), "nothing written");
    }

    @Test
    void aMalformedLineIsReportedInFrenchToo() throws Exception {
        Path in = write("attrs.jsonl", "[1, 2]");
        assertEquals(1, run(Locale.FRENCH, "guard", "classify", "--input", in.toString(), "--out",
                dir.resolve("o.jsonl").toString()));
        assertTrue(err.toString().contains("La ligne 1 de attrs.jsonl n’est pas un objet JSON\u00a0:"),
                err.toString());
    }

    @Test
    void evalPrintsTheMetricsOverallPerLanguageAndPerCategory() throws Exception {
        Path dev = dir.resolve("dev.jsonl");
        try (InputStream in = GuardCliTest.class.getResourceAsStream("/guard/dev.jsonl")) {
            Files.copy(in, dev);
        }
        assertEquals(0, run(Locale.ENGLISH, "guard", "eval", "--input", dev.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Sensitive data guard on 428 records (237 sensitive)"), text);
        List<String> lines = text.lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("Subset")).findFirst().orElseThrow();
        for (String row : List.of("overall", "en", "fr", "pt", "HIV_AIDS", "STI", "TUBERCULOSIS", "MENTAL_HEALTH",
                "SEROLOGICAL", "BIOMETRIC", "FINANCIAL", "NONE")) {
            String line = lines.stream().filter(l -> l.startsWith(row + " ")).findFirst().orElseThrow(() ->
                    new AssertionError("no row " + row + " in\n" + text));
            if (List.of("overall", "en", "fr", "pt").contains(row)) {
                assertEquals(header.length(), line.length(), "aligned: " + line);
            }
        }
        String overall = lines.stream().filter(l -> l.startsWith("overall ")).findFirst().orElseThrow();
        double recall = Double.parseDouble(overall.trim().split("\\s+")[3]);
        assertTrue(recall >= 0.97, overall);
        assertTrue(text.contains("Leaks (sensitive records predicted NONE): "), text);
    }

    @Test
    void evalRejectsAnUnknownLabel() throws Exception {
        Path in = write("l.jsonl", "{\"name\":\"x\",\"label\":\"HIV\",\"secondary\":[]}");
        assertEquals(1, run(Locale.ENGLISH, "guard", "eval", "--input", in.toString()));
        assertTrue(err.toString().contains("Line 1 of l.jsonl has the label “HIV”"), err.toString());
    }
}
