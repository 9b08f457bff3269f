package org.carnet.core.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.carnet.core.common.AppException;
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
import org.carnet.core.registry.IssuedCard;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardFormat;
import org.carnet.core.render.CardSerial;
import org.carnet.core.render.TestImages;
import org.carnet.core.sync.SyncCardStep;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk card generation over a registry synced from the demo server: 1,000 cards checked page by page, ZIP of PNGs with
 * its manifest, cancel, a crash in the middle of a batch resumed after the registry is reopened, filters, cards from
 * sync.
 */
class GenerationJobTest {
    static final char[] PASS = "arbre à palabres 2026".toCharArray();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static DemoServer demo;
    static Path registryFile;
    static String vaccination;
    static String hiv;

    @TempDir
    Path dir;

    @BeforeAll
    static void syncDemo() throws Exception {
        demo = DemoServer.start(DemoServerConfig.defaults().withSize(6000));
        registryFile = shared.resolve("carnet.db");
        try (Registry registry = Registries.create(registryFile, PASS, Argon2Kdf.forTests(),
                AuditActor.current(AuditActor.Channel.CLI)).registry()) {
            new ConnectionService().connectAndSave(new ConnectionStore(registry), ConnectionStore.DEFAULT_ID,
                    ConnectionSettings.of(demo.baseUrl(), new Credentials.Basic(demo.username(),
                            demo.password().toCharArray())), null);
            vaccination = demo.dataset().programUid(DemoProgramKind.VACCINATION);
            hiv = demo.dataset().programUid(DemoProgramKind.HIV_CARE);
            for (String p : List.of(vaccination, hiv)) {
                SyncRun run = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC())
                        .run(SyncRequest.full(p, SyncTrigger.MANUAL), ProgressSink.NONE, Cancellation.none());
                assertEquals(SyncRun.Status.SUCCESS, run.status());
            }
        }
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
        // the syncs taught the global log masker thousands of values; later test classes start clean
        org.carnet.core.guard.Redactor.global().clearSensitive();
    }

    /** Each test works on its own copy of the synced registry (issued cards do not leak between tests). */
    Registry registry() throws Exception {
        Path copy = dir.resolve("carnet.db");
        if (!Files.exists(copy)) {
            Files.copy(registryFile, copy);
        }
        return Registries.open(copy, PASS, AuditActor.current(AuditActor.Channel.CLI));
    }

    static GenerationRequest request(String program, OutputFormat format, Path out) {
        return new GenerationRequest(program, CardDesign.defaults("emerald"), GenerationRequest.Filters.NONE, 300,
                true, format, out);
    }

    static JsonNode manifest(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    @Test
    void thousandCardsInOnePdfCheckedPageByPage() throws Exception {
        Path out = dir.resolve("campagne.pdf");
        AtomicLong lastDone = new AtomicLong();
        List<String> phases = new ArrayList<>();
        GenerationJob.Result r;
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(1000);
            assertEquals(1000, job.count(request(vaccination, OutputFormat.PDF, out)));
            r = job.run(request(vaccination, OutputFormat.PDF, out), new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                    assertTrue(done >= lastDone.get(), "progress never goes back");
                    assertEquals(1000, total);
                    lastDone.set(done);
                }

                @Override
                public void message(String key, Object... args) {
                    phases.add(key);
                }
            }, Cancellation.none());
            assertEquals(List.of("cards.job.selecting", "cards.job.generating", "cards.job.packaging"), phases);
            assertEquals(GenerationJob.Status.COMPLETED, r.status());
            assertEquals(1000, r.cards());
            assertEquals(1000, lastDone.get());
            assertEquals(List.of(out), r.files(), "1,000 cards fit one PDF");
            assertTrue(job.pending().isEmpty());

            List<IssuedCard> issued = registry.issuedCards(vaccination, 5000);
            assertEquals(1000, issued.size(), "every card is recorded");
            Map<String, IssuedCard> bySerial = new HashMap<>();
            issued.forEach(c -> bySerial.put(c.serial(), c));
            assertEquals(1000, bySerial.size(), "serials are unique");

            JsonNode m = manifest(r.manifest());
            assertEquals(GenerationJob.MANIFEST_FORMAT, m.get("format").asText());
            assertEquals(1000, m.get("cards").size());
            try (PDDocument doc = Loader.loadPDF(out.toFile())) {
                assertEquals(2000, doc.getNumberOfPages(), "front and back of each card");
                for (int i = 0; i < 1000; i++) {
                    JsonNode card = m.get("cards").get(i);
                    String serial = card.get("serial").asText();
                    String mpi = card.get("mpiId").asText();
                    assertTrue(CardSerial.isValid(serial), serial);
                    assertEquals(2 * i + 1, card.get("page").asInt());
                    IssuedCard rec = bySerial.get(serial);
                    assertEquals(mpi, rec.mpiId());
                    assertEquals("emerald", rec.template());
                    assertEquals(IssuedCard.ISSUED, rec.status());
                    assertEquals(64, rec.payloadHash().length());
                    for (int side = 0; side < 2; side++) {
                        PDPage page = doc.getPage(2 * i + side);
                        assertEquals(CardFormat.CR80.widthPt(), page.getMediaBox().getWidth(), 0.01, "page " + i);
                        assertEquals(CardFormat.CR80.heightPt(), page.getMediaBox().getHeight(), 0.01, "page " + i);
                    }
                    assertEquals("CN1:" + serial + ":" + mpi, qr(doc, 2 * i), "QR of card " + (i + 1));
                }
            }
        }
    }

    @Test
    void zipOfPngsWithManifest() throws Exception {
        Path out = dir.resolve("cartes.zip");
        try (Registry registry = registry()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            GenerationJob.Result r;
            try {
                r = new GenerationJob(registry, Clock.systemUTC()).withLimit(20).withRenderPool(pool)
                        .run(request(vaccination, OutputFormat.PNG_ZIP, out), ProgressSink.NONE, Cancellation.none());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(20, r.cards(), "drawn three at a time on the render pool, written in order");
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
            assertEquals(2 + 40, entries.size(), "manifest.json, manifest.csv and two PNGs per card");
            JsonNode m = JSON.readTree(entries.get("manifest.json"));
            String csv = new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("serial,mpi_id,front,back"));
            for (JsonNode card : m.get("cards")) {
                BufferedImage front = ImageIO.read(new ByteArrayInputStream(entries.get(card.get("front").asText())));
                assertEquals(1011, front.getWidth());
                assertEquals(638, front.getHeight());
                assertEquals("CN1:" + card.get("serial").asText() + ":" + card.get("mpiId").asText(),
                        TestImages.decode(front).getText());
                assertTrue(entries.containsKey(card.get("back").asText()));
                assertTrue(csv.contains(card.get("serial").asText() + "," + card.get("mpiId").asText()));
            }
            assertNoStaging();
        }
    }

    @Test
    void crashInTheMiddleOfABatchResumesAfterReopening() throws Exception {
        Path out = dir.resolve("lot.pdf");
        GenerationRequest req = request(vaccination, OutputFormat.PDF, out);
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(250).withPartSizes(100, 50)
                    .crashAfter(150);
            assertThrows(GenerationJob.SimulatedCrash.class, () -> job.run(req, ProgressSink.NONE,
                    Cancellation.none()));
            assertTrue(registry.issuedCards(null, 10).isEmpty(), "nothing is issued before the batch is complete");
            assertFalse(Files.exists(out));
        }
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC());
            GenerationJob.Pending p = job.pending().orElseThrow();
            assertEquals(250, p.total());
            assertEquals(100, p.done(), "the first part was finished before the crash");
            assertEquals(out.toAbsolutePath(), p.out());
            AppException busy = assertThrows(AppException.class, () -> job.run(req, ProgressSink.NONE,
                    Cancellation.none()));
            assertEquals("cards.error.pendingJob", busy.messageKey());
            AtomicLong first = new AtomicLong(-1);
            GenerationJob.Result r = job.resume(new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                    first.compareAndSet(-1, done);
                }

                @Override
                public void message(String key, Object... args) {
                }
            }, Cancellation.none());
            assertEquals(100, first.get(), "resumed where the checkpoint stood");
            assertTrue(r.resumed());
            assertEquals(250, r.cards());
            assertEquals(List.of(dir.resolve("lot-01.pdf").toAbsolutePath(), dir.resolve("lot-02.pdf").toAbsolutePath(),
                    dir.resolve("lot-03.pdf").toAbsolutePath()), r.files(), "parts of at most 100 cards, numbered");
            List<IssuedCard> issued = registry.issuedCards(vaccination, 1000);
            assertEquals(250, issued.size());
            Set<String> serials = new HashSet<>();
            issued.forEach(c -> serials.add(c.serial()));
            assertEquals(250, serials.size());
            JsonNode m = manifest(r.manifest());
            int pages = 0;
            for (Path f : r.files()) {
                try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                    JsonNode head = m.get("cards").get(pages / 2);
                    assertEquals(f.getFileName().toString(), head.get("file").asText());
                    assertEquals(1, head.get("page").asInt());
                    assertEquals("CN1:" + head.get("serial").asText() + ":" + head.get("mpiId").asText(),
                            qr(doc, 0));
                    pages += doc.getNumberOfPages();
                }
            }
            assertEquals(500, pages);
            for (JsonNode card : m.get("cards")) {
                assertTrue(serials.contains(card.get("serial").asText()), "the manifest lists the recorded serials");
            }
            assertTrue(job.pending().isEmpty());
            assertNoStaging();
        }
    }

    @Test
    void crashDuringPngBatchResumesWithTheSameSerials() throws Exception {
        Path out = dir.resolve("lot.zip");
        List<String> planned = new ArrayList<>();
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(30).withPartSizes(100, 10)
                    .crashAfter(25);
            assertThrows(GenerationJob.SimulatedCrash.class, () -> job.run(request(vaccination, OutputFormat.PNG_ZIP,
                    out), ProgressSink.NONE, Cancellation.none()));
            assertEquals(20, job.pending().orElseThrow().done());
            try (var files = Files.list(GenerationJob.staging(out, job.pending().orElseThrow().jobId()))) {
                files.filter(f -> f.toString().endsWith("-front.png"))
                        .forEach(f -> planned.add(f.getFileName().toString().substring(0, 8)));
            }
            assertTrue(planned.size() >= 20);
        }
        try (Registry registry = registry()) {
            GenerationJob.Result r = new GenerationJob(registry, Clock.systemUTC()).resume(ProgressSink.NONE,
                    Cancellation.none());
            assertEquals(30, r.cards());
            Set<String> issued = new HashSet<>();
            registry.issuedCards(null, 100).forEach(c -> issued.add(c.serial()));
            assertTrue(issued.containsAll(planned), "cards drawn before the crash keep their serials");
            assertNoStaging();
        }
    }

    @Test
    void cancelIssuesNothingAndLeavesNothing() throws Exception {
        Path out = dir.resolve("annule.pdf");
        Cancellation cancel = new Cancellation();
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(60);
            GenerationJob.Result r = job.run(request(vaccination, OutputFormat.A4, out), new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                    if (done == 20) {
                        cancel.cancel();
                    }
                }

                @Override
                public void message(String key, Object... args) {
                }
            }, cancel);
            assertEquals(GenerationJob.Status.CANCELLED, r.status());
            assertFalse(Files.exists(out));
            assertTrue(registry.issuedCards(null, 10).isEmpty());
            assertTrue(job.pending().isEmpty());
            assertNoStaging();
        }
    }

    @Test
    void filtersNarrowTheSelection() throws Exception {
        Path out = dir.resolve("x.pdf");
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC());
            int all = job.count(request(vaccination, OutputFormat.PDF, out));
            int active = job.count(withFilters(vaccination, out, new GenerationRequest.Filters(null, null, null,
                    "active")));
            int completed = job.count(withFilters(vaccination, out, new GenerationRequest.Filters(null, null, null,
                    "COMPLETED")));
            assertTrue(active > 0 && completed > 0 && active + completed <= all, all + " " + active + " " + completed);
            int future = job.count(withFilters(vaccination, out, new GenerationRequest.Filters(LocalDate.of(2100, 1,
                    1), null, null, null)));
            assertEquals(0, future);
            int recent = job.count(withFilters(vaccination, out, new GenerationRequest.Filters(LocalDate.now()
                    .minusYears(1), LocalDate.now(), null, null)));
            assertTrue(recent < all, "a date range keeps fewer enrollments");
            String region = new ConnectionStore(registry).orgUnits().orElseThrow().ancestorAtLevel(firstOrgUnit(
                    registry), 2).orElseThrow().id();
            int inRegion = job.count(withFilters(vaccination, out, new GenerationRequest.Filters(null, null, region,
                    null)));
            assertTrue(inRegion > 0 && inRegion < all, "an org unit keeps its own and its descendants' enrollments");
            GenerationJob.Result empty = job.run(withFilters(vaccination, out, new GenerationRequest.Filters(
                    LocalDate.of(2100, 1, 1), null, null, null)), ProgressSink.NONE, Cancellation.none());
            assertEquals(GenerationJob.Status.EMPTY, empty.status());
            assertFalse(Files.exists(out));
            AppException unknown = assertThrows(AppException.class, () -> job.count(request("XXXXXXXXXXX",
                    OutputFormat.PDF, out)));
            assertEquals("cards.error.unknownProgram", unknown.messageKey());
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("refus.pdf");
        try (Registry registry = registry()) {
            GenerationJob job = new GenerationJob(registry, Clock.systemUTC()).withLimit(5);
            AppException dpi = assertThrows(AppException.class, () -> job.run(new GenerationRequest(vaccination,
                    CardDesign.defaults("vital"), null, 450, true, OutputFormat.PDF, out), ProgressSink.NONE,
                    Cancellation.none()));
            assertEquals("cards.error.dpi", dpi.messageKey());
            AppException folder = assertThrows(AppException.class, () -> job.run(request(vaccination,
                    OutputFormat.PDF, dir.resolve("absent/refus.pdf")), ProgressSink.NONE, Cancellation.none()));
            assertEquals("cards.error.outDir", folder.messageKey());
            AppException template = assertThrows(AppException.class, () -> job.run(new GenerationRequest(vaccination,
                    CardDesign.defaults("nope"), null, 300, true, OutputFormat.PDF, out), ProgressSink.NONE,
                    Cancellation.none()));
            assertTrue(template.messageKey().startsWith("render.error.design"), template.messageKey());
            assertFalse(Files.exists(out));
            assertTrue(job.pending().isEmpty());
            assertEquals(0, registry.issuedCards(null, 10).size());
        }
    }

    @Test
    void cardsFromSyncIssueTheCardsOfNewEnrollmentsOnce() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sortie"));
        try (Registry registry = registry()) {
            // A programme set to make cards from sync, synced for the first time: every enrollment is new.
            String antenatal = demo.dataset().programUid(DemoProgramKind.ANTENATAL_CARE);
            AppException noFolder = assertThrows(AppException.class, () -> CardsFromSync.save(registry,
                    new CardsFromSync.Settings(antenatal, true, dir.resolve("absent").toString(), OutputFormat.PDF)));
            assertEquals("cards.error.outDir", noFolder.messageKey());
            CardsFromSync.save(registry, new CardsFromSync.Settings(antenatal, true, folder.toString(),
                    OutputFormat.PNG_ZIP));
            assertEquals(OutputFormat.PNG_ZIP, CardsFromSync.settings(registry, antenatal).format());
            SyncService sync = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC());
            sync.setCardStep(new CardsFromSync(registry, Clock.systemUTC()));
            SyncRun first = sync.run(SyncRequest.full(antenatal, SyncTrigger.MANUAL), ProgressSink.NONE,
                    Cancellation.none());
            assertEquals(SyncRun.Status.SUCCESS, first.status());
            assertTrue(first.created() > 0);
            assertTrue(first.cards() > 0, "the run record says how many cards it made");
            assertEquals(null, first.cardsErrorKey());
            assertEquals(first.cards(), registry.issuedCards(antenatal, 10000).size());
            assertEquals(first.cards(), sync.history(antenatal, 1).get(0).cards(), "kept in the stored run record");
            Path zip;
            try (var files = Files.list(folder)) {
                List<Path> zips = files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
                assertEquals(1, zips.size());
                zip = zips.get(0);
            }
            assertTrue(zip.getFileName().toString().startsWith("cards-" + antenatal + "-"));
            int pngs = 0;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    pngs += e.getName().endsWith("-front.png") ? 1 : 0;
                }
            }
            assertEquals(first.cards(), pngs);

            // Nothing changed on the server: the next sync makes no card.
            SyncRun again = sync.run(SyncRequest.full(antenatal, SyncTrigger.MANUAL), ProgressSink.NONE,
                    Cancellation.none());
            assertEquals(0, again.cards());
            // The same enrollments reported changed, with nothing new to print: still no card.
            Set<String> all = new HashSet<>();
            registry.forEachEnrollment(antenatal, e -> all.add(e.enrollmentUid()));
            SyncCardStep.Outcome same = new CardsFromSync(registry, Clock.systemUTC()).afterSync(antenatal, all,
                    ProgressSink.NONE, Cancellation.none());
            assertEquals(0, same.cards());
            // Off: the run says no card step ran.
            CardsFromSync.save(registry, new CardsFromSync.Settings(antenatal, false, folder.toString(),
                    OutputFormat.PDF));
            assertEquals(SyncRun.NO_CARDS, sync.run(SyncRequest.full(antenatal, SyncTrigger.MANUAL),
                    ProgressSink.NONE, Cancellation.none()).cards());
        }
    }

    @Test
    void cardsFromSyncAfterAnInterruptedSyncIncludeWhatTheInterruptedAttemptSaved() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("apres-reprise"));
        try (Registry registry = registry()) {
            String antenatal = demo.dataset().programUid(DemoProgramKind.ANTENATAL_CARE);
            CardsFromSync.save(registry, new CardsFromSync.Settings(antenatal, true, folder.toString(),
                    OutputFormat.PDF));
            SyncService sync = new SyncService(registry, Dhis2Clients::connect, Clock.systemUTC()).withPageSize(50);
            sync.setCardStep(new CardsFromSync(registry, Clock.systemUTC()));
            Cancellation cancel = new Cancellation();
            SyncRun first = sync.run(SyncRequest.full(antenatal, SyncTrigger.MANUAL), new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                    if (done > 0) {
                        cancel.cancel();
                    }
                }

                @Override
                public void message(String key, Object... args) {
                }
            }, cancel);
            assertEquals(SyncRun.Status.CANCELLED, first.status());
            int savedByTheCancelledAttempt = registry.enrollmentUids(antenatal).size();
            assertTrue(savedByTheCancelledAttempt > 0, "some pages were saved before the cancel");
            assertEquals(SyncRun.NO_CARDS, first.cards(), "no card step for a cancelled run");

            SyncRun second = sync.run(SyncRequest.full(antenatal, SyncTrigger.MANUAL), ProgressSink.NONE,
                    Cancellation.none());
            assertEquals(SyncRun.Status.SUCCESS, second.status());
            Set<String> people = new HashSet<>();
            registry.forEachEnrollment(antenatal, e -> people.add(e.mpiId()));
            assertEquals(people.size(), second.cards(), "the cards of the enrollments the cancelled attempt saved too");
            assertEquals(people.size(), registry.issuedCards(antenatal, 10000).size());
        }
    }

    private static GenerationRequest withFilters(String program, Path out, GenerationRequest.Filters f) {
        return new GenerationRequest(program, CardDesign.defaults("vital"), f, 300, true, OutputFormat.PDF, out);
    }

    private static String firstOrgUnit(Registry registry) throws Exception {
        String[] unit = new String[1];
        registry.forEachEnrollment(vaccination, e -> unit[0] = unit[0] == null ? e.orgUnitUid() : unit[0]);
        return unit[0];
    }

    /** The QR text of a PDF page, rendered as a phone camera would see the printed card. */
    static String qr(PDDocument doc, int page) throws Exception {
        PDFRenderer renderer = new PDFRenderer(doc);
        try {
            return TestImages.decode(renderer.renderImageWithDPI(page, 200)).getText();
        } catch (com.google.zxing.ReaderException e) {
            BufferedImage image = renderer.renderImageWithDPI(page, 300);
            try {
                return TestImages.decode(image).getText();
            } catch (com.google.zxing.ReaderException again) {
                Path shot = Path.of("target", "unreadable-qr-page-" + page + ".png");
                ImageIO.write(image, "png", shot.toFile());
                throw new AssertionError("QR not readable on page " + (page + 1) + ": see " + shot, again);
            }
        }
    }

    private void assertNoStaging() throws Exception {
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".carnet-")),
                    "no staging folder left");
        }
    }
}
