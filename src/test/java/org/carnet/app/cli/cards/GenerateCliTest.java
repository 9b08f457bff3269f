package org.carnet.app.cli.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.demo.DemoProgramKind;
import org.carnet.core.demo.DemoServer;
import org.carnet.core.demo.DemoServerConfig;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.DesignJson;
import org.carnet.core.settings.AppHome;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet generate}, {@code carnet cards list|design|from-sync} on a registry synced from the demo server. */
class GenerateCliTest {
    private static final String PASS = "case de santé de Ngor 1994";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> full = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
        full.addAll(List.of(args));
        int code = new Cli(new CliContext(env, dir.toString(), new PrintWriter(o, true), new PrintWriter(e, true),
                Locale.ENGLISH)).execute(full.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String syncedProgram(DemoServer demo) throws Exception {
        try (Registry registry = Registries.create(AppHome.at(dir.resolve("home")).registryFile(),
                PASS.toCharArray(), Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry()) {
            new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                    ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                            demo.password().toCharArray())), null);
            String program = demo.dataset().programUid(DemoProgramKind.VACCINATION);
            new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).run(SyncRequest.full(program,
                    SyncTrigger.MANUAL), ProgressSink.NONE, Cancellation.none());
            return program;
        }
    }

    @Test
    void generateListAndDesigns() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(150))) {
            String program = syncedProgram(demo);
            env.put("CARNET_PASSPHRASE", PASS);

            assertEquals(0, run("cards", "list"), err);
            assertTrue(out.contains("No card has been issued yet."), out);

            Path design = dir.resolve("design.json");
            Files.writeString(design, DesignJson.write(CardDesign.defaults("shield").withLanguage("en")));
            assertEquals(0, run("cards", "design", "--program", program, "--import", design.toString()), err);
            assertTrue(out.contains("template shield"), out);

            Path pdf = dir.resolve("out/cards.pdf");
            assertEquals(0, run("generate", "--program", program, "--format", "pdf", "--out", pdf.toString()), err);
            assertTrue(out.matches("(?s)\\d+ cards issued and recorded, in 1 file\\(s\\):.*"), out);
            assertTrue(err.contains("Drawing the cards…"), err);
            int cards = Integer.parseInt(out.substring(0, out.indexOf(' ')));
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(2 * cards, doc.getNumberOfPages());
            }
            Path manifest = dir.resolve("out/cards.manifest.json");
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            assertEquals("shield", m.get("template").asText(), "the programme's saved design was used");

            assertEquals(0, run("generate", "--program", program, "--template", "pulse", "--from", "2000-01-01",
                    "--status", "COMPLETED", "--format", "png-zip", "--out", dir.resolve("out/cards.zip").toString()),
                    err);
            assertTrue(Files.size(dir.resolve("out/cards.zip")) > 10_000);

            assertEquals(0, run("cards", "list", "--json"), err);
            JsonNode list = new ObjectMapper().readTree(out);
            assertTrue(list.size() > cards, "both jobs are listed");
            JsonNode newest = list.get(0);
            assertEquals("pulse", newest.get("template").asText());
            assertEquals("issued", newest.get("status").asText());
            assertEquals(program, newest.get("program").asText());
            assertTrue(newest.get("serial").asText().matches("[0-9A-Z]{8}"));
            assertFalse(out.contains("firstName"), "no personal data in the listing");

            assertEquals(0, run("cards", "list"), err);
            assertTrue(out.startsWith("SERIAL"), out);

            Path exported = dir.resolve("exported.json");
            assertEquals(0, run("cards", "design", "--program", program, "--export", exported.toString()), err);
            assertEquals("shield", DesignJson.read(Files.readAllBytes(exported)).template());

            Path folder = Files.createDirectories(dir.resolve("from-sync"));
            assertEquals(0, run("cards", "from-sync", "--program", program, "--folder", folder.toString(),
                    "--format", "a4"), err);
            assertTrue(out.contains("Cards from sync is on"), out);
            assertEquals(0, run("cards", "from-sync", "--program", program), err);
            assertTrue(out.contains("format a4"), out);
            assertEquals(0, run("cards", "from-sync", "--program", program, "--off"), err);
            assertTrue(out.contains("is off"), out);
        }
    }

    @Test
    void mistakesGetOneClearLine() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(20))) {
            String program = syncedProgram(demo);
            env.put("CARNET_PASSPHRASE", PASS);
            Path pdf = dir.resolve("x.pdf");
            assertNotEquals(0, run("generate", "--program", program, "--format", "tiff", "--out", pdf.toString()));
            assertEquals("carnet: Unknown format “tiff”: use pdf, a4 or png-zip.", err.strip());
            assertNotEquals(0, run("generate", "--program", "NOPE1234567", "--format", "pdf", "--out",
                    pdf.toString()));
            assertEquals("carnet: The program NOPE1234567 is not in the registry: sync it first.", err.strip());
            assertNotEquals(0, run("generate", "--program", program, "--template", "gold", "--format", "pdf",
                    "--out", pdf.toString()));
            assertTrue(err.strip().startsWith("carnet: Unknown template “gold”"), err);
            assertNotEquals(0, run("generate", "--resume"));
            assertEquals("carnet: There is no interrupted card generation to resume.", err.strip());
            assertFalse(Files.exists(pdf));
            assertFalse(err.contains("Exception"), err);
        }
    }
}
