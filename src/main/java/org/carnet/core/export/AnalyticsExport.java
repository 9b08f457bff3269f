package org.carnet.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.common.Csv;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;

/**
 * The analytics export: a program's enrollments with their non-sensitive, non-identifying attributes and a
 * pseudonymous MPI id, for analytics and machine-learning pipelines. The pseudonym is an HMAC-SHA-256 of the MPI id
 * under a random key kept (encrypted) in the registry, so the same person gets the same pseudonym in every export of
 * this registry and nobody without the key can link it back. Attributes the guard keeps in the registry, attributes
 * that identify a person (names, dates of birth, phones, identity numbers) and attributes the cached metadata does not
 * describe are left out and counted in the {@link Summary}. The TEI and enrollment uids are left out too: anyone with
 * DHIS2 access could follow them back to the person.
 */
public final class AnalyticsExport {
    /** The registry secret holding the pseudonym key. */
    public static final String KEY_SECRET = "export.pseudonym.key";
    private static final int KEY_BYTES = 32;
    /** Pseudonym length in bytes of the HMAC (120 bits, base32: 24 characters). */
    private static final int PSEUDONYM_BYTES = 15;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    static final List<String> FIXED_COLUMNS = List.of("pseudonym", "program", "org_unit", "status", "enrolled_at",
            "occurred_at", "updated_at");

    /** The output format. */
    public enum Format {
        CSV, JSON;

        /** {@code csv} or {@code json}, any case. */
        public static Format parse(String s) throws AppException {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new AppException("error.export.format", "unknown export format", s);
            }
        }
    }

    /**
     * What was written.
     *
     * @param columns     the attribute columns written (besides the fixed ones)
     * @param guarded     attributes left out because they are sensitive, per category
     * @param identifying attributes left out because they identify a person
     * @param unresolved  enrollments without an MPI identity (empty pseudonym)
     */
    public record Summary(String programUid, long enrollments, List<String> columns,
            Map<SensitiveCategory, Integer> guarded, int identifying, long unresolved) {
        public int guardedTotal() {
            return guarded.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Registry registry;

    public AnalyticsExport(Registry registry) {
        this.registry = registry;
    }

    /**
     * Writes the export of {@code programUid} to {@code out} (whole or not at all).
     *
     * @throws AppException when the program is not cached, or the file cannot be written
     */
    public Summary export(String programUid, Format format, Path out) throws AppException {
        ProgramInfo program = new ProgramGuards(registry).program(programUid).orElseThrow(() -> new AppException(
                "error.export.noProgram", "program not cached", programUid));
        List<ProgramInfo.Attribute> columns = new ArrayList<>();
        Map<SensitiveCategory, Integer> guarded = new EnumMap<>(SensitiveCategory.class);
        int identifying = 0;
        for (ProgramInfo.Attribute a : program.attributes()) {
            if (a.sensitive()) {
                SensitiveCategory c = a.guard() == null ? SensitiveCategory.HIV_AIDS : a.guard().category();
                guarded.merge(c, 1, Integer::sum);
            } else if (a.exportable()) {
                columns.add(a);
            } else {
                identifying++;
            }
        }
        List<String> headers = headers(columns);
        int excludedIdentifying = identifying;
        Mac mac = mac();
        long[] counts = new long[2];
        try {
            AtomicFiles.write(out, "error.export.write", w -> {
                try {
                    if (format == Format.CSV) {
                        writeCsv(w, program, columns, headers, mac, counts);
                    } else {
                        writeJson(w, program, columns, headers, guarded, excludedIdentifying, mac, counts);
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                return counts[0];
            });
        } catch (UncheckedAppException e) {
            throw e.getCause();
        }
        return new Summary(programUid, counts[0], List.copyOf(headers), Map.copyOf(guarded), identifying, counts[1]);
    }

    private void writeCsv(Writer w, ProgramInfo program, List<ProgramInfo.Attribute> columns, List<String> headers,
            Mac mac, long[] counts) throws IOException {
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(headers);
        Csv.writeRow(w, header.toArray(String[]::new));
        each(program, e -> {
            List<String> row = fixed(e, mac, counts);
            row.addAll(values(e, columns));
            Csv.writeRow(w, row.toArray(String[]::new));
        });
    }

    private void writeJson(Writer w, ProgramInfo program, List<ProgramInfo.Attribute> columns, List<String> headers,
            Map<SensitiveCategory, Integer> guarded, int identifying, Mac mac, long[] counts) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("program", program.uid());
            g.writeStringField("exportedAt", Instant.now().toString());
            g.writeStringField("pseudonym", "HMAC-SHA-256 of the MPI id under this registry's export key");
            g.writeArrayFieldStart("columns");
            for (int i = 0; i < columns.size(); i++) {
                ProgramInfo.Attribute a = columns.get(i);
                g.writeStartObject();
                g.writeStringField("name", headers.get(i));
                g.writeStringField("attribute", a.uid());
                g.writeStringField("valueType", a.valueType());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("excluded");
            g.writeObjectFieldStart("guarded");
            for (Map.Entry<SensitiveCategory, Integer> c : guarded.entrySet()) {
                g.writeNumberField(c.getKey().name(), c.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("identifying", identifying);
            g.writeEndObject();
            g.writeArrayFieldStart("enrollments");
            each(program, e -> {
                List<String> fixed = fixed(e, mac, counts);
                List<String> values = values(e, columns);
                g.writeStartObject();
                for (int i = 0; i < FIXED_COLUMNS.size(); i++) {
                    g.writeStringField(FIXED_COLUMNS.get(i), fixed.get(i));
                }
                g.writeObjectFieldStart("attributes");
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        g.writeStringField(headers.get(i), values.get(i));
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private interface Row {
        void write(EnrollmentRecord e) throws IOException;
    }

    private void each(ProgramInfo program, Row row) {
        try {
            registry.forEachEnrollment(program.uid(), e -> {
                try {
                    row.write(e);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (AppException e) {
            throw new UncheckedAppException(e);
        }
    }

    private static List<String> fixed(EnrollmentRecord e, Mac mac, long[] counts) {
        counts[0]++;
        String pseudonym = null;
        if (e.mpiId() == null) {
            counts[1]++;
        } else {
            pseudonym = pseudonym(mac, e.mpiId());
        }
        List<String> row = new ArrayList<>();
        row.add(pseudonym);
        row.add(e.programUid());
        row.add(e.orgUnitUid());
        row.add(e.status());
        row.add(e.enrolledAt() == null ? null : e.enrolledAt().toString());
        row.add(e.occurredAt() == null ? null : e.occurredAt().toString());
        row.add(e.updatedAt() == null ? null : e.updatedAt().toString());
        return row;
    }

    /** The plain values of the exported columns; a value stored as sensitive is never read, whatever the metadata. */
    private static List<String> values(EnrollmentRecord e, List<ProgramInfo.Attribute> columns) {
        Map<String, String> plain = new HashMap<>();
        for (EnrollmentRecord.Value v : e.values()) {
            if (v.value() instanceof GuardedValue.Plain p) {
                plain.put(v.attributeUid(), p.text());
            }
        }
        List<String> out = new ArrayList<>(columns.size());
        for (ProgramInfo.Attribute a : columns) {
            out.add(plain.get(a.uid()));
        }
        return out;
    }

    /** Column names: the attribute's code, else its name; made unique. */
    private static List<String> headers(List<ProgramInfo.Attribute> columns) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(FIXED_COLUMNS);
        for (ProgramInfo.Attribute a : columns) {
            String base = a.code() != null && !a.code().isBlank() ? a.code()
                    : a.displayName() != null && !a.displayName().isBlank() ? a.displayName() : a.uid();
            String name = base;
            for (int i = 2; !seen.add(name); i++) {
                name = base + "_" + i;
            }
            out.add(name);
        }
        return out;
    }

    private Mac mac() throws AppException {
        byte[] key = registry.secret(KEY_SECRET).orElse(null);
        if (key == null) {
            key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            registry.putSecret(KEY_SECRET, key);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The pseudonym of an MPI id: 24 base32 characters of its HMAC. */
    static String pseudonym(Mac mac, String mpiId) {
        byte[] h = mac.doFinal(mpiId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(PSEUDONYM_BYTES * 8 / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < PSEUDONYM_BYTES; i++) {
            buffer = (buffer << 8) | (h[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return sb.toString();
    }

    /** Carries a registry failure out of the row callback. */
    private static final class UncheckedAppException extends RuntimeException {
        UncheckedAppException(AppException cause) {
            super(cause);
        }

        @Override
        public synchronized AppException getCause() {
            return (AppException) super.getCause();
        }
    }
}
