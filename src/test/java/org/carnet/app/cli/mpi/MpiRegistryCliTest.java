package org.carnet.app.cli.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.Csv;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.mpi.MpiId;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet import} and {@code carnet mpi train|stats|export} on a real registry; FEBRL1 is the legacy list. */
class MpiRegistryCliTest {
    private static final String PASS = "fromager de Kaolack 1960";
    private static final String COLUMNS =
            "id=rec_id,first_name=given_name,last_name=surname,date_of_birth=date_of_birth,commune=suburb";
    private static final Pattern IMPORTED = Pattern.compile(
            "([\\d,]+) records read from febrl1\\.csv: ([\\d,]+) linked to an existing identity, ([\\d,]+) new"
                    + " identities, ([\\d,]+) new identities sent to review, ([\\d,]+) already imported\\.");

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;
    private Path febrl1;

    @BeforeEach
    void registryAndList() throws Exception {
        Registries.create(home().registryFile(), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry().close();
        env.put("CARNET_PASSPHRASE", PASS);
        febrl1 = dir.resolve("febrl1.csv");
        try (InputStream in = MpiRegistryCliTest.class.getResourceAsStream("/mpi/febrl1.csv")) {
            Files.copy(in, febrl1);
        }
    }

    private String importOutput;

    private AppHome home() {
        return AppHome.at(dir.resolve("home"));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "--home";
        full[1] = home().root().toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new Cli(new CliContext(env, dir.toString(), new PrintWriter(out, true), new PrintWriter(err, true),
                Locale.ENGLISH)).execute(full);
    }

    /** The counts the import printed: read, linked, new, review, already imported. */
    private int[] importFebrl() {
        assertEquals(0, run("import", "--csv", febrl1.toString(), "--columns", COLUMNS, "--program", " Febrl 1 "),
                err.toString());
        importOutput = out.toString();
        List<String> lines = out.toString().strip().lines().toList();
        Matcher m = IMPORTED.matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), out.toString());
        int[] counts = new int[5];
        for (int i = 0; i < 5; i++) {
            counts[i] = Integer.parseInt(m.group(i + 1).replace(",", ""));
        }
        return counts;
    }

    private JsonNode stats() throws Exception {
        assertEquals(0, run("mpi", "stats", "--json"), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private List<List<String>> csv(Path f) throws Exception {
        return Csv.readAll(Csv.reader(new StringReader(Files.readString(f, StandardCharsets.UTF_8))));
    }

    @Test
    void aLegacyListGoesThroughTheMpiAndComesOutAsIdsOnly() throws Exception {
        int[] imported = importFebrl();
        assertEquals(1000, imported[0]);
        assertEquals(1000, imported[1] + imported[2] + imported[3]);
        assertEquals(0, imported[4]);
        assertTrue(imported[3] > 0, "FEBRL1 has records in the review band");

        JsonNode stats = stats();
        long identities = stats.get("identities").asLong();
        assertEquals(imported[2] + imported[3], identities);
        assertTrue(identities >= 500 && identities <= 535, identities + " identities for 500 persons");
        assertTrue(stats.get("review_items").asLong() >= imported[3], stats.toString());
        assertEquals(1000, stats.get("linked").get("legacy:Febrl 1").asLong(), stats.toString());
        assertTrue(importOutput.contains("Model trained on the 1,000 records of the list"), importOutput);
        assertEquals("trained", stats.get("model").get("source").asText(), "the first list teaches the model");
        assertEquals(1000, stats.get("model").get("trained_on").asLong());
        assertFalse(stats.get("model").get("trained_at").isNull());

        Path export = dir.resolve("out/ids.csv");
        Files.createDirectories(export.getParent());
        assertEquals(0, run("mpi", "export", "--out", export.toString()), err.toString());
        assertEquals("1,000 linked records written to " + export + ".", out.toString().strip());
        List<List<String>> rows = csv(export);
        assertEquals(List.of("tei_uid", "program", "mpi_id"), rows.get(0));
        assertEquals(1001, rows.size());
        Map<String, String> mpiOf = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("legacy:Febrl 1", row.get(1));
            assertTrue(MpiId.isValid(row.get(2)), row.get(2));
            mpiOf.put(row.get(0), row.get(2));
        }
        assertEquals(1000, mpiOf.size(), "one row per record");
        assertEquals(identities, new HashSet<>(mpiOf.values()).size(), "every identity has a record");
        int shared = 0;
        for (String id : mpiOf.keySet()) {
            String org = id.replaceAll("-dup-\\d+$", "-org");
            shared += !org.equals(id) && mpiOf.get(org).equals(mpiOf.get(id)) ? 1 : 0;
        }
        assertTrue(shared >= 470, shared + " of 500 duplicates share their original's MPI id");
        Set<String> personal = personalValues();
        String exported = Files.readString(export, StandardCharsets.UTF_8);
        for (String value : personal) {
            assertFalse(exported.contains(value), "personal value in the export");
        }
        assertFalse(Files.exists(dir.resolve("out/ids.csv.part")));

        // the same list again: nothing changes
        int[] again = importFebrl();
        assertEquals(List.of(1000, 0, 0, 0, 1000), List.of(again[0], again[1], again[2], again[3], again[4]));
        assertEquals(identities, stats().get("identities").asLong());

        assertNoPlaintextInTheRegistry(personal);
    }

    @Test
    void trainingStoresAModelThatStatsReport() throws Exception {
        assertEquals(0, run("mpi", "train"), err.toString());
        assertEquals("0 identities: too few (at least 300) or too little evidence to train on. The model in use is"
                + " unchanged.", out.toString().strip());
        importFebrl();
        long identities = stats().get("identities").asLong();
        assertEquals(0, run("mpi", "train", "--seed", "7"), err.toString());
        assertTrue(out.toString().startsWith("Model trained on " + identities + " identities (prior match probability"),
                out.toString());
        JsonNode model = stats().get("model");
        assertEquals("trained", model.get("source").asText());
        assertEquals(identities, model.get("trained_on").asLong());
        assertTrue(model.get("lambda").asDouble() > 0 && model.get("lambda").asDouble() < 0.5);
        assertFalse(model.get("trained_at").isNull());
        assertEquals(0, run("mpi", "stats"), err.toString());
        assertTrue(out.toString().contains("Model:           trained on " + identities + " identities on "),
                out.toString());
        assertTrue(out.toString().contains("  legacy:Febrl 1: 1,000"), out.toString());
    }

    @Test
    void failuresAreOneClearLine() throws Exception {
        assertEquals(1, run("import", "--csv", febrl1.toString(), "--columns",
                "id=rec_id,first_name=prenom,last_name=surname,date_of_birth=date_of_birth", "--program", "P"));
        assertOneLine("There is no column “prenom” in febrl1.csv");
        assertEquals(1, run("import", "--csv", febrl1.toString(), "--columns", COLUMNS, "--program", " "));
        assertOneLine("--program needs a name");
        assertEquals(1, run("mpi", "export", "--out", dir.resolve("missing/ids.csv").toString()));
        assertOneLine("ids.csv could not be written");

        env.put("CARNET_PASSPHRASE", "not the right passphrase");
        assertEquals(1, run("import", "--csv", febrl1.toString(), "--columns", COLUMNS, "--program", "P"));
        assertEquals("carnet: Wrong passphrase. Nothing was changed.", err.toString().strip());
        // two more: a fourth wrong passphrase in a row would make the next attempt wait
        for (String[] command : List.of(new String[] {"mpi", "train"},
                new String[] {"mpi", "export", "--out", dir.resolve("x.csv").toString()})) {
            assertEquals(1, run(command), String.join(" ", command));
            assertEquals("carnet: Wrong passphrase. Nothing was changed.", err.toString().strip());
        }

        Files.delete(home().registryFile());
        env.put("CARNET_PASSPHRASE", PASS);
        assertEquals(1, run("mpi", "stats"));
        assertOneLine("run “carnet init” first");
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    private void assertOneLine(String expected) {
        assertTrue(err.toString().startsWith("carnet: ") && err.toString().contains(expected), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    /** Names, dates of birth and communes of the list, long enough not to turn up by chance in ciphertext. */
    private Set<String> personalValues() throws Exception {
        Set<String> values = new HashSet<>();
        for (List<String> row : csv(febrl1).subList(1, 1001)) {
            for (int column : new int[] {1, 2, 6, 9}) {
                String v = row.get(column).strip();
                if (v.length() >= 6) {
                    values.add(v);
                }
            }
            String dob = row.get(9).strip();
            if (dob.length() == 8) {
                values.add(dob.substring(0, 4) + "-" + dob.substring(4, 6) + "-" + dob.substring(6));
            }
        }
        assertTrue(values.size() > 1000, values.size() + " values to look for");
        return values;
    }

    private void assertNoPlaintextInTheRegistry(Set<String> personal) throws Exception {
        Path db = home().registryFile();
        for (Path f : List.of(db, db.resolveSibling(db.getFileName() + "-wal"))) {
            if (!Files.exists(f)) {
                continue;
            }
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String value : personal) {
                assertFalse(bytes.contains(value), "personal value in plain text in " + f.getFileName());
            }
        }
    }
}
