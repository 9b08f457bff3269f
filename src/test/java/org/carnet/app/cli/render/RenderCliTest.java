package org.carnet.app.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
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
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.carnet.core.render.Rgb;
import org.carnet.core.settings.AppHome;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carnet render}: sample cards without any home, registry cards after a sync, clear errors. */
class RenderCliTest {
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

    @Test
    void sampleCardsNeedNoHome() throws Exception {
        Path png = dir.resolve("out/vital.png");
        assertEquals(0, run("render", "--template", "vital", "--sample", "--out", png.toString()), err);
        assertTrue(out.contains("1011 × 638 px, 300 DPI"), out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1011, img.getWidth());
        assertFalse(Files.exists(dir.resolve("home")), "no Carnet home was created for a sample card");

        assertEquals(0, run("render", "--template", "sovereign", "--sample", "--side", "back", "--dpi", "600",
                "--out", dir.resolve("s.png").toString()), err);
        assertEquals(750, ImageIO.read(dir.resolve("s.png").toFile()).getHeight());

        Path pdf = dir.resolve("a4.pdf");
        assertEquals(0, run("render", "--template", "aurora", "--sample", "--format", "pdf", "--layout", "a4",
                "--out", pdf.toString()), err);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
        }
    }

    @Test
    void aDesignFileDrivesTheCard() throws Exception {
        Path design = dir.resolve("design.json");
        Files.writeString(design, DesignJson.write(CardDesign.defaults("pulse").withLanguage("en")
                .withColours(Rgb.of("#202060"), null, null)));
        Path pdf = dir.resolve("p.pdf");
        assertEquals(0, run("render", "--design", design.toString(), "--sample", "--format", "pdf", "--side",
                "front", "--out", pdf.toString()), err);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("Date of birth".toUpperCase(Locale.ROOT))
                    || new PDFTextStripper().getText(doc).contains("Date of birth"), "English labels");
        }
    }

    @Test
    void mistakesGetOneClearLineAndNoFile() throws Exception {
        Path target = dir.resolve("x.png");
        assertNotEquals(0, run("render", "--template", "glossy", "--sample", "--out", target.toString()));
        assertTrue(err.contains("Unknown template “glossy”"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertNotEquals(0, run("render", "--template", "vital", "--sample", "--dpi", "450", "--out",
                target.toString()));
        assertTrue(err.contains("300 or 600"), err);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"version\":1,\"colors\":{\"primary\":\"bleu\"}}");
        assertNotEquals(0, run("render", "--design", bad.toString(), "--sample", "--out", target.toString()));
        assertTrue(err.contains("Invalid colour for primary"), err);
        assertFalse(err.contains("Exception"), err);
        assertNotEquals(0, run("render", "--template", "vital", "--out", target.toString()));
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
        }
    }

    @Test
    void aPersonFromTheRegistry() throws Exception {
        String mpiId;
        String program;
        try (DemoServer demo = DemoServer.start(DemoServerConfig.defaults().withSize(40))) {
            try (Registry registry = Registries.create(AppHome.at(dir.resolve("home")).registryFile(),
                    PASS.toCharArray(), Argon2Kdf.forTests(), AuditActor.current(AuditActor.Channel.CLI)).registry()) {
                ConnectionSettings settings = ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(
                        demo.username(), demo.password().toCharArray()));
                new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                        settings, null);
                program = demo.dataset().programUid(DemoProgramKind.ANTENATAL_CARE);
                SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).run(
                        SyncRequest.full(program, SyncTrigger.MANUAL), ProgressSink.NONE, Cancellation.none());
                assertEquals(SyncRun.Status.SUCCESS, run.status());
                String[] first = new String[1];
                registry.forEachEnrollment(program, e -> {
                    if (first[0] == null && e.mpiId() != null) {
                        first[0] = e.mpiId();
                    }
                });
                mpiId = first[0];
            }
        }
        env.put("CARNET_PASSPHRASE", PASS);
        Path pdf = dir.resolve("person.pdf");
        assertEquals(0, run("render", "--template", "emerald", "--mpi-id", mpiId.toLowerCase(Locale.ROOT),
                "--program", program, "--format", "pdf", "--out", pdf.toString()), err);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(mpiId), "the person's MPI id is printed");
        }
        assertNotEquals(0, run("render", "--template", "vital", "--mpi-id", "SN-DKR-26-AAAAAAAA", "--out",
                dir.resolve("none.png").toString()));
        assertFalse(Files.exists(dir.resolve("none.png")));
    }

    @Test
    void benchRenderReportsItsFigures() {
        assertEquals(0, run("bench", "render", "--template", "vital", "--cards", "5"), err);
        assertTrue(out.contains("rendered and PNG-encoded"), out);
        assertTrue(out.contains("5 cards to a CR80 PDF"), out);
    }
}
