package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.carnet.core.common.Csv;
import org.carnet.core.mpi.MpiId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet mpi link} exactly as a benchmark runs it: files in, CSV out, no home folder. */
class MpiLinkCliTest {
    private static final String COLUMNS =
            " id = rec_id, first_name=given_name ,last_name=surname,date_of_birth=date_of_birth,commune=suburb";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new Cli(new CliContext(Map.of(), dir.resolve("user").toString(), new PrintWriter(out, true),
                new PrintWriter(err, true), Locale.ENGLISH)).execute(args);
    }

    private Path febrl1() throws Exception {
        Path f = dir.resolve("febrl1.csv");
        try (InputStream in = MpiLinkCliTest.class.getResourceAsStream("/mpi/febrl1.csv")) {
            Files.copy(in, f);
        }
        return f;
    }

    private static List<List<String>> read(Path f) throws Exception {
        return Csv.readAll(Csv.reader(new StringReader(Files.readString(f, StandardCharsets.UTF_8))));
    }

    @Test
    void pairsAreWrittenWithAHeaderAndProbabilities() throws Exception {
        Path in = febrl1();
        Path pairs = dir.resolve("pairs.csv");
        assertEquals(0, run("mpi", "link", "--input", in.toString(), "--columns", COLUMNS, "--out", pairs.toString(),
                "--min-probability", "0.9"), err.toString());
        List<List<String>> rows = read(pairs);
        assertEquals(List.of("id_a", "id_b", "probability"), rows.get(0));
        assertTrue(rows.size() > 450, "most FEBRL1 duplicates found: " + rows.size());
        int same = 0;
        for (List<String> r : rows.subList(1, rows.size())) {
            double p = Double.parseDouble(r.get(2));
            assertTrue(p >= 0.9 && p <= 1, r.toString());
            same += r.get(0).replaceAll("-(org|dup-\\d+)$", "").equals(r.get(1).replaceAll("-(org|dup-\\d+)$", ""))
                    ? 1 : 0;
        }
        assertEquals(rows.size() - 1, same, "no false pair above 0.9 on FEBRL1");
        assertFalse(Files.exists(dir.resolve("pairs.csv.part")), "no temporary file left");
        assertFalse(Files.exists(dir.resolve("user")), "no home folder needed");
    }

    @Test
    void incrementalDecisionsGiveEveryRecordAValidMpiId() throws Exception {
        Path in = febrl1();
        // the same pool split into two files is one pool
        List<String> lines = Files.readAllLines(in);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.write(a, lines.subList(0, 501));
        List<String> second = new java.util.ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(501, lines.size()));
        Files.write(b, second);
        Path decisions = dir.resolve("decisions.csv");
        assertEquals(0, run("mpi", "link", "--input", a.toString(), "--input", b.toString(), "--columns", COLUMNS,
                "--incremental", "--out", decisions.toString()), err.toString());
        List<List<String>> rows = read(decisions);
        assertEquals(List.of("id", "mpi_id", "decision", "probability", "candidate_id"), rows.get(0));
        assertEquals(1001, rows.size());
        Map<String, String> mpiOf = new HashMap<>();
        Set<String> decisionsSeen = new HashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertTrue(MpiId.isValid(r.get(1)), r.get(1));
            decisionsSeen.add(r.get(2));
            mpiOf.put(r.get(0), r.get(1));
            if (r.get(2).equals("linked")) {
                assertEquals(mpiOf.get(r.get(4)), r.get(1), "a linked record takes its candidate's id");
            }
        }
        assertTrue(decisionsSeen.containsAll(Set.of("linked", "new")), decisionsSeen.toString());
        assertEquals(rows.get(1).get(0), lines.get(1).split(",")[0].strip(), "input order");
    }

    @Test
    void aMissingColumnIsOneClearLine() throws Exception {
        Path in = febrl1();
        int code = run("mpi", "link", "--input", in.toString(), "--columns",
                "id=rec_id,first_name=prenom,last_name=surname,date_of_birth=date_of_birth", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("There is no column “prenom” in febrl1.csv"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void aBadMappingOrMissingFileIsOneClearLine() throws Exception {
        assertEquals(1, run("mpi", "link", "--input", dir.resolve("none.csv").toString(), "--columns", COLUMNS,
                "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("none.csv could not be read"), err.toString());
        assertEquals(1, run("mpi", "link", "--input", "x", "--columns", "id=rec_id,first_name=a", "--out", "y"));
        assertTrue(err.toString().contains("needs last_name=COLUMN"), err.toString());
    }

    @Test
    void theBenchmarkRunsSmallAndReportsItsFigures() {
        assertEquals(0, run("bench", "mpi", "--size", "3000", "--queries", "50"), err.toString());
        assertTrue(out.toString().contains("Resolution of 50 records: p50"), out.toString());
        assertTrue(out.toString().contains("Index: 3,000 identities"), out.toString());
        assertEquals(0, run("bench", "mpi", "--registry", "--size", "400"), err.toString());
        assertTrue(out.toString().contains("Registry: 400 identities written"), out.toString());
        assertEquals(1, run("bench", "mpi", "--size", "0"));
    }
}
