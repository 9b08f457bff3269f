package org.carnet.core.mpi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.common.Csv;

/**
 * Linking CSV files without a registry (benchmarks, legacy beneficiary lists): reading records through a column
 * mapping, writing scored pairs or incremental decisions. Files are written to a temporary sibling and moved into
 * place, so a failure never leaves half a file.
 */
public final class FileLinkage {
    private FileLinkage() {
    }

    /** Which CSV column holds each field; sex, commune and district are optional. */
    public record Columns(String id, String firstName, String lastName, String dateOfBirth, String sex,
            String commune, String district) {
        private static final List<String> KNOWN = List.of("id", "first_name", "last_name", "date_of_birth", "sex",
                "commune", "district");

        /**
         * Reads {@code id=COL,first_name=COL,last_name=COL,date_of_birth=COL[,sex=COL][,commune=COL][,district=COL]}.
         */
        public static Columns parse(String spec) throws AppException {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : spec.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new AppException("mpi.error.columnsSpec", "bad column mapping: " + part, part.strip());
                }
                String field = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                if (!KNOWN.contains(field)) {
                    throw new AppException("mpi.error.columnsField", "unknown field " + field, field,
                            String.join(", ", KNOWN));
                }
                m.put(field, part.substring(eq + 1).strip());
            }
            for (String required : KNOWN.subList(0, 4)) {
                if (!m.containsKey(required)) {
                    throw new AppException("mpi.error.columnsRequired", "missing " + required, required);
                }
            }
            return new Columns(m.get("id"), m.get("first_name"), m.get("last_name"), m.get("date_of_birth"),
                    m.get("sex"), m.get("commune"), m.get("district"));
        }
    }

    /**
     * Reads every input as one pool, in order. Header names and values are trimmed; empty values are missing.
     *
     * @throws AppException for an unreadable file, a mapped column the header lacks, a row without id, or an id
     *                      seen twice
     */
    public static List<PersonFields> read(List<Path> inputs, Columns columns) throws AppException {
        List<PersonFields> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path input : inputs) {
            try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                    Csv.Reader csv = Csv.reader(r)) {
                List<String> header = csv.next();
                if (header == null) {
                    continue;
                }
                List<String> names = header.stream().map(String::strip).toList();
                int id = column(names, columns.id(), input);
                int first = column(names, columns.firstName(), input);
                int last = column(names, columns.lastName(), input);
                int dob = column(names, columns.dateOfBirth(), input);
                int sex = columns.sex() == null ? -1 : column(names, columns.sex(), input);
                int commune = columns.commune() == null ? -1 : column(names, columns.commune(), input);
                int district = columns.district() == null ? -1 : column(names, columns.district(), input);
                long line = csv.line();
                List<String> row;
                while ((row = csv.next()) != null) {
                    if (row.size() == 1 && row.get(0).isBlank()) {
                        line = csv.line();
                        continue;
                    }
                    String rid = value(row, id);
                    if (rid == null) {
                        throw new AppException("mpi.error.noId", "row without id", line, input.getFileName());
                    }
                    if (!ids.add(rid)) {
                        throw new AppException("mpi.error.duplicateId", "duplicate id", rid, input.getFileName());
                    }
                    out.add(new PersonFields(rid, value(row, first), value(row, last), value(row, dob),
                            value(row, sex), value(row, commune), value(row, district)));
                    line = csv.line();
                }
            } catch (IOException e) {
                throw new AppException("mpi.error.read", "cannot read input: " + e.getClass().getSimpleName(), e,
                        input.getFileName());
            }
        }
        return out;
    }

    private static int column(List<String> header, String name, Path input) throws AppException {
        int i = header.indexOf(name);
        if (i < 0) {
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).equalsIgnoreCase(name)) {
                    return j;
                }
            }
            throw new AppException("mpi.error.noColumn", "column not in header", name, input.getFileName(),
                    String.join(", ", header));
        }
        return i;
    }

    private static String value(List<String> row, int i) {
        if (i < 0 || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** What a run wrote. */
    public record Summary(long records, long candidates, long written) {
    }

    /** Writes {@code id_a,id_b,probability} for every candidate pair at or above {@code minProbability}. */
    public static Summary writePairs(Linker linker, double minProbability, Path out) throws AppException {
        long[] written = {0};
        long candidates = write(out, w -> {
            Csv.writeRow(w, "id_a", "id_b", "probability");
            return linker.pairs(minProbability, (a, b, p) -> {
                try {
                    Csv.writeRow(w, a.id(), b.id(), format(p));
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        return new Summary(linker.records().size(), candidates, written[0]);
    }

    /**
     * Resolves the records one by one in input order and writes {@code id,mpi_id,decision,probability,candidate_id}.
     */
    public static Summary writeDecisions(Linker linker, Function<MatchRecord, String> newIds, Path out)
            throws AppException {
        List<Linker.Resolution> decisions = linker.incremental(newIds);
        write(out, w -> {
            Csv.writeRow(w, "id", "mpi_id", "decision", "probability", "candidate_id");
            for (Linker.Resolution r : decisions) {
                Csv.writeRow(w, r.record().id(), r.mpiId(), r.decision().name().toLowerCase(Locale.ROOT),
                        format(r.probability()), r.candidate() == null ? "" : r.candidate().id());
            }
            return decisions.size();
        });
        return new Summary(decisions.size(), decisions.size(), decisions.size());
    }

    /** Six decimals, a dot, never exponent notation. */
    static String format(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }

    /**
     * Writes through {@link AtomicFiles} with this feature's error message; callbacks that cannot throw report write
     * errors as {@link UncheckedIOException}.
     */
    static long write(Path out, AtomicFiles.Body body) throws AppException {
        return AtomicFiles.write(out, "mpi.error.write", body);
    }
}
