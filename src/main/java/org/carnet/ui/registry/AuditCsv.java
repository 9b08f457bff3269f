package org.carnet.ui.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.carnet.core.guard.Redactor;
import org.carnet.core.registry.AuditEntry;

/**
 * The audit log as CSV for an inspector: {@code seq,time,channel,action,resource,hash}. The operator's user name and
 * the free-text reason are left out, and every field goes through the redactor, so the file holds no personal data.
 * Cells that a spreadsheet would run as a formula are neutralised. No JavaFX: testable without a toolkit.
 */
public final class AuditCsv {
    public static final String HEADER = "seq,time,channel,action,resource,hash";

    private AuditCsv() {
    }

    /** Writes to a temporary file beside {@code out}, then moves it into place: never a half-written export. */
    public static void write(List<AuditEntry> entries, Path out, Redactor redactor) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".audit-export", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write("\r\n");
                for (AuditEntry e : entries) {
                    w.write(row(e, redactor));
                    w.write("\r\n");
                }
            }
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String row(AuditEntry e, Redactor redactor) {
        String time = e.at() == null ? "" : e.at().truncatedTo(ChronoUnit.SECONDS).toString();
        return String.join(",", field(Long.toString(e.seq()), redactor), field(time, redactor),
                field(e.channel(), redactor), field(e.action(), redactor), field(e.resource(), redactor),
                field(e.hash(), redactor));
    }

    static String field(String value, Redactor redactor) {
        if (value == null) {
            return "";
        }
        String v = redactor.redact(value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
