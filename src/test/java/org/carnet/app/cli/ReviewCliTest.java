package org.carnet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.settings.AppHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet review list|decide|undo} and {@code carnet person find|show|correct|split} after {@code carnet import}. */
class ReviewCliTest {
    private static final String PASS = "fromager de Kaolack 1960";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    @BeforeEach
    void importList() throws Exception {
        Registries.create(AppHome.at(dir.resolve("home")).registryFile(), PASS.toCharArray(), Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry().close();
        env.put("CARNET_PASSPHRASE", PASS);
        Path csv = dir.resolve("febrl1.csv");
        try (InputStream in = ReviewCliTest.class.getResourceAsStream("/mpi/febrl1.csv")) {
            Files.copy(in, csv);
        }
        assertEquals(0, run("import", "--csv", csv.toString(), "--columns",
                "id=rec_id,first_name=given_name,last_name=surname,date_of_birth=date_of_birth,commune=suburb",
                "--program", "febrl1"), err);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "--home";
        full[1] = dir.resolve("home").toString();
        System.arraycopy(args, 0, full, 2, args.length);
        int code = new Cli(new CliContext(env, dir.toString(), new PrintWriter(o, true), new PrintWriter(e, true),
                Locale.ENGLISH)).execute(full);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void listDecideUndoAndFind() throws Exception {
        assertEquals(0, run("review", "list", "--json"), err);
        JsonNode items = new ObjectMapper().readTree(out);
        assertTrue(items.size() > 1);
        JsonNode first = items.get(0);
        assertTrue(first.get("fields").size() > 0);
        String keep = first.get("b").get("mpi_id").asText();
        assertNotEquals(0, run("review", "decide", "--item", first.get("id").asText(), "--action", "link",
                "--reason", "no"));
        assertTrue(err.contains("reason of at least 5 characters"), err);
        assertEquals(0, run("review", "decide", "--item", first.get("id").asText(), "--action", "link", "--keep",
                keep, "--reason", "Same parents and address"), err);
        String merge = out.replaceAll("(?s).*merge (\\S+) \\(.*", "$1").strip();
        assertEquals(0, run("person", "show", "--mpi", keep));
        assertTrue(out.contains("merged_in"), out);
        assertEquals(0, run("review", "undo", "--merge", merge, "--reason", "Different dates of birth"), err);
        assertEquals(0, run("review", "decide", "--item", items.get(1).get("id").asText(), "--action", "separate",
                "--reason", "Twins at the same post"), err);
        assertEquals(0, run("review", "list"));
        assertTrue(out.contains("kept separate"), out);

        String name = first.get("a").get("first_name").asText() + " " + first.get("a").get("last_name").asText();
        assertEquals(0, run("person", "find", "--query", name, "--json"), err);
        JsonNode found = new ObjectMapper().readTree(out);
        assertEquals("name", found.get("query_kind").asText());
        assertTrue(found.get("identities").size() >= 1);
        assertNotEquals(0, run("person", "find", "--query", "SN-XX-26-ABCDEFGH0"));
        assertTrue(err.contains("check character"), err);
        assertEquals(0, run("person", "correct", "--mpi", keep, "--set", "phone=+221771234567", "--reason",
                "Phone given at the clinic"), err);
        assertEquals(0, run("person", "find", "--query", "771234567", "--json"));
        assertEquals(keep, new ObjectMapper().readTree(out).get("identities").get(0).get("mpi_id").asText());
    }
}
