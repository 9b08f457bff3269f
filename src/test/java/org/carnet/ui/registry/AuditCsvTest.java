package org.carnet.ui.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.carnet.core.guard.Redactor;
import org.carnet.core.registry.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit CSV, without a toolkit: columns, escaping, redaction, formula neutralisation. */
class AuditCsvTest {
    private final Redactor redactor = new Redactor("/home/agent");

    private static AuditEntry entry(long seq, String action, String resource, String reason) {
        return new AuditEntry(seq, Instant.parse("2026-11-26T16:38:26.123Z"), "agent", "GUI", action, resource, reason,
                "ab12cd");
    }

    @Test
    void rowsHoldSixColumnsAndNoUserOrReason() {
        String row = AuditCsv.row(entry(7, "mpi.merge", "mpi:A+B", "Awa Ndiaye said so"), redactor);
        assertEquals("7,2026-11-26T16:38:26Z,GUI,mpi.merge,mpi:A+B,ab12cd", row);
    }

    @Test
    void personalDataAndSpreadsheetFormulasAreNeutralised() {
        redactor.registerSensitive("Fatou Diop", "NAME");
        assertEquals("import:<redacted:NAME>", AuditCsv.field("import:Fatou Diop", redactor));
        assertEquals("call <phone>", AuditCsv.field("call +221 77 123 45 67", redactor));
        assertEquals("'=1+2", AuditCsv.field("=1+2", redactor));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.field("=HYPERLINK(\"x\")", redactor));
        assertEquals("\"a,b\"", AuditCsv.field("a,b", redactor));
        assertEquals("", AuditCsv.field(null, redactor));
    }

    @Test
    void writesAtomicallyWithAHeader(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("audit.csv");
        AuditCsv.write(List.of(entry(1, "registry.create", "registry", null),
                entry(2, "mpi.merge", "mpi:A+B", "secret reason")), out, redactor);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(List.of(AuditCsv.HEADER, "1,2026-11-26T16:38:26Z,GUI,registry.create,registry,ab12cd",
                "2,2026-11-26T16:38:26Z,GUI,mpi.merge,mpi:A+B,ab12cd"), lines);
        assertFalse(String.join("", lines).contains("secret"));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(out::equals), "no temporary file left behind");
        }
    }
}
