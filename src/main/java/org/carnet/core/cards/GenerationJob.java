package org.carnet.core.cards;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.Csv;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.dhis2.OrgUnit;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.IssuedCard;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.CardSerial;
import org.carnet.core.render.DesignJson;
import org.carnet.core.render.PdfCardWriter;
import org.carnet.core.render.PngOutput;
import org.carnet.core.render.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the cards of a programme's enrollments in bulk: selects the people the filters keep (one card per person, from
 * their latest enrollment), gives each a new serial, draws the cards with the render engine into PDF files of at most
 * {@link #CARDS_PER_PDF} cards (CR80 pages or A4 sheets) or a ZIP of PNG images, writes a manifest (serial ↔ MPI id,
 * file, page) and records every card in the registry.
 *
 * <p>The job is resumable: its plan (people, serials, design) and progress are kept in an encrypted registry document
 * after each part, parts are written into a staging folder beside the output and moved into place at the end. A crash,
 * a full disk or a closed window leaves a {@link Pending} job that {@link #resume} finishes with the same serials. Cards
 * are recorded as issued when all parts are written, before the files are moved into place; a cancelled job issues
 * nothing and leaves nothing behind. Not thread-safe: one job at a time per slot.
 */
public final class GenerationJob {
    /** PDFs hold at most this many cards (memory stays flat, a crash loses at most one part, printers take batches). */
    public static final int CARDS_PER_PDF = 1000;
    /** How many PNG cards are written between two checkpoints. */
    static final int PNG_PART = 250;
    /** PNG cards drawn at once on the render pool. */
    private static final int PNG_WINDOW = 8;
    /** The slot of jobs started by a person (CLI, Card Design tab). */
    public static final String SLOT_BULK = "bulk";
    /** The slot of cards-from-sync jobs. */
    public static final String SLOT_SYNC = "sync";
    public static final String MANIFEST_FORMAT = "carnet-card-manifest";

    private static final Logger LOG = LoggerFactory.getLogger(GenerationJob.class);
    private static final String DOCUMENT = "cards.job.";
    private static final String CHECKPOINT_FORMAT = "carnet-card-job";
    private static final String GENERATING = "generating";
    private static final String RECORDED = "recorded";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** An unfinished job found in the registry (a crash or a closed window): it can be resumed or discarded. */
    public record Pending(String jobId, String programUid, String template, OutputFormat format, Path out, int total,
            int done, Instant startedAt) {
    }

    /** How a job ended. */
    public enum Status { COMPLETED, CANCELLED, EMPTY }

    /** The end of a job: the files written (PDF parts or the ZIP) and the manifest. */
    public record Result(String jobId, Status status, int cards, List<Path> files, Path manifest, boolean resumed) {
        public Result {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** The plan and progress of a job, as kept in the registry (Jackson bean). */
    static final class Checkpoint {
        public String format = CHECKPOINT_FORMAT;
        public int version = 1;
        public String jobId;
        public String programUid;
        public String design;
        public String designHash;
        public String template;
        public int dpi;
        public boolean includeMpiId;
        public String outputFormat;
        public String out;
        public String from;
        public String to;
        public String orgUnit;
        public String status;
        public String issuedOn;
        public String startedAt;
        public String state = GENERATING;
        public int partSize;
        public int partsDone;
        public List<Entry> entries = new ArrayList<>();

        int done() {
            return Math.min(entries.size(), partsDone * partSize);
        }

        OutputFormat outputFormat() {
            return OutputFormat.of(outputFormat).orElse(OutputFormat.PDF);
        }
    }

    /** One card of the plan. */
    static final class Entry {
        public String mpi;
        public String enrollment;
        public String serial;
        public String payload;

        Entry() {
        }

        Entry(String mpi, String enrollment) {
            this.mpi = mpi;
            this.enrollment = enrollment;
        }
    }

    /** What a failure injected by tests looks like (a crash between two cards). */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    private final Registry registry;
    private final Clock clock;
    private final String slot;
    private final CardRenderer renderer = new CardRenderer();
    private final SecureRandom random = new SecureRandom();
    private int pdfPart = CARDS_PER_PDF;
    private int pngPart = PNG_PART;
    private int crashAfter = -1;
    private ExecutorService renderPool;
    private int limit = Integer.MAX_VALUE;

    public GenerationJob(Registry registry, Clock clock) {
        this(registry, clock, SLOT_BULK);
    }

    /** @param slot where the job's checkpoint is kept ({@link #SLOT_BULK} or {@link #SLOT_SYNC}) */
    public GenerationJob(Registry registry, Clock clock, String slot) {
        this.registry = registry;
        this.clock = clock;
        this.slot = slot;
    }

    /**
     * Draws and encodes PNG cards on {@code pool} (a few cards at a time), for ZIP output; PDFs are written by one
     * thread. The pool must not be the one running the job.
     */
    public GenerationJob withRenderPool(ExecutorService pool) {
        this.renderPool = pool;
        return this;
    }

    /** Tests: smaller parts. */
    GenerationJob withPartSizes(int pdf, int png) {
        this.pdfPart = pdf;
        this.pngPart = png;
        return this;
    }

    /** Tests: at most this many cards (the first in distribution order). */
    GenerationJob withLimit(int cards) {
        this.limit = cards;
        return this;
    }

    /** Tests: the process "dies" after this many cards have been drawn in this run. */
    GenerationJob crashAfter(int cards) {
        this.crashAfter = cards;
        return this;
    }

    // ------------------------------------------------------------------ selection

    /** How many cards the request would issue (one per person the filters keep). */
    public int count(GenerationRequest request) throws AppException {
        return select(request, null).size();
    }

    /**
     * The people the filters keep, each with their latest matching enrollment, ordered for distribution: by health
     * centre, then last and first name. With {@code only}, a person is kept only if one of those enrollments is theirs.
     */
    private List<Entry> select(GenerationRequest request, Set<String> only) throws AppException {
        String programUid = request.programUid();
        if (programUid == null || new ProgramGuards(registry).program(programUid).isEmpty()) {
            throw new AppException("cards.error.unknownProgram", "programme not in the registry", programUid);
        }
        OrgUnitTree tree = new ConnectionStore(registry).orgUnits().orElse(OrgUnitTree.empty());
        GenerationRequest.Filters f = request.filters();
        Map<String, EnrollmentRecord> latest = new HashMap<>();
        Set<String> touched = new HashSet<>();
        registry.forEachEnrollment(programUid, e -> {
            if (e.mpiId() == null || !matches(f, e, tree)) {
                return;
            }
            if (only != null && only.contains(e.enrollmentUid())) {
                touched.add(e.mpiId());
            }
            latest.merge(e.mpiId(), e, (a, b) -> CardSource.later(b, a) ? b : a);
        });
        if (only != null) {
            latest.keySet().retainAll(touched);
        }
        record Sortable(Entry entry, String place, String last, String first) {
        }
        List<Sortable> rows = new ArrayList<>(latest.size());
        for (EnrollmentRecord e : latest.values()) {
            Optional<IdentityRecord> identity = registry.identityByMpiId(e.mpiId());
            if (identity.isEmpty() || IdentityRecord.MERGED.equals(identity.get().status())) {
                continue;
            }
            String place = tree.unit(e.orgUnitUid()).map(OrgUnit::displayName).orElse(e.orgUnitUid());
            var d = identity.get().demographics();
            rows.add(new Sortable(new Entry(e.mpiId(), e.enrollmentUid()), place == null ? "" : place,
                    d.lastName() == null ? "" : d.lastName(), d.firstName() == null ? "" : d.firstName()));
        }
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        rows.sort(Comparator.comparing(Sortable::place, collator).thenComparing(Sortable::last, collator)
                .thenComparing(Sortable::first, collator).thenComparing(s -> s.entry().mpi));
        return new ArrayList<>(rows.stream().limit(limit).map(Sortable::entry).toList());
    }

    private static boolean matches(GenerationRequest.Filters f, EnrollmentRecord e, OrgUnitTree tree) {
        if (f.status() != null && !f.status().equalsIgnoreCase(e.status() == null ? "" : e.status())) {
            return false;
        }
        if (f.from() != null || f.to() != null) {
            if (e.enrolledAt() == null) {
                return false;
            }
            LocalDate day = e.enrolledAt().atZone(ZoneOffset.UTC).toLocalDate();
            if (f.from() != null && day.isBefore(f.from()) || f.to() != null && day.isAfter(f.to())) {
                return false;
            }
        }
        if (f.orgUnitUid() != null) {
            String unit = e.orgUnitUid();
            if (unit == null) {
                return false;
            }
            if (!unit.equals(f.orgUnitUid())) {
                String path = tree.unit(unit).map(OrgUnit::path).orElse("");
                return path != null && (path.contains("/" + f.orgUnitUid() + "/")
                        || path.endsWith("/" + f.orgUnitUid()));
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ run, resume

    /**
     * Runs a new job to its end.
     *
     * @throws AppException {@code cards.error.pendingJob} while an unfinished job waits (resume or discard it first);
     *                      {@code cards.error.unknownProgram}; {@code render.error.*} for a design that cannot print
     *                      these people (a sensitive attribute); {@code cards.error.write} when the output cannot be
     *                      written (the job then stays pending)
     */
    public Result run(GenerationRequest request, ProgressSink progress, Cancellation cancel) throws AppException {
        return run(request, null, false, progress, cancel);
    }

    /**
     * Runs a new job for some enrollments only (cards from sync): people with one of {@code enrollmentUids}, and with
     * {@code skipUnchanged} only those whose card would differ from their newest one.
     */
    Result run(GenerationRequest request, Set<String> enrollmentUids, boolean skipUnchanged, ProgressSink progress,
            Cancellation cancel) throws AppException {
        Optional<Pending> waiting = pending();
        if (waiting.isPresent()) {
            throw new AppException("cards.error.pendingJob", "an unfinished job waits", waiting.get().done(),
                    waiting.get().total());
        }
        CardDesign design = request.effectiveDesign().validate();
        if (request.dpi() != CardRenderer.DPI_300 && request.dpi() != CardRenderer.DPI_600) {
            throw new AppException("cards.error.dpi", "unsupported dpi", request.dpi());
        }
        checkOutput(request.out());
        if (request.programUid() == null || new ProgramGuards(registry).program(request.programUid()).isEmpty()) {
            throw new AppException("cards.error.unknownProgram", "programme not in the registry",
                    request.programUid());
        }
        progress.message("cards.job.selecting");
        List<Entry> entries = select(request, enrollmentUids);
        Checkpoint cp = new Checkpoint();
        cp.jobId = UUID.randomUUID().toString();
        cp.programUid = request.programUid();
        cp.design = DesignJson.write(design);
        cp.designHash = DesignJson.hash(design);
        cp.template = design.template();
        cp.dpi = request.dpi();
        cp.includeMpiId = request.includeMpiId();
        cp.outputFormat = request.format().code();
        cp.out = request.out().toAbsolutePath().toString();
        GenerationRequest.Filters f = request.filters();
        cp.from = f.from() == null ? null : f.from().toString();
        cp.to = f.to() == null ? null : f.to().toString();
        cp.orgUnit = f.orgUnitUid();
        cp.status = f.status();
        cp.issuedOn = LocalDate.now(clock).toString();
        cp.startedAt = clock.instant().toString();
        cp.partSize = request.format().isPdf() ? pdfPart : pngPart;
        cp.entries = entries;
        CardSource.ProgramCards source = new CardSource(registry).program(cp.programUid, design.language(),
                LocalDate.parse(cp.issuedOn));
        if (skipUnchanged && !entries.isEmpty()) {
            Map<String, String> known = registry.latestCardPayloads(cp.programUid);
            Map<String, EnrollmentRecord> records = enrollments(cp);
            Map<String, String> tei = teiUids(cp.programUid);
            List<Entry> changed = new ArrayList<>();
            for (Entry e : entries) {
                CardData data = cardData(source, e, records, tei);
                if (!CardPayload.hash(data).equals(known.get(e.mpi))) {
                    changed.add(e);
                }
            }
            cp.entries = entries = changed;
        }
        if (entries.isEmpty()) {
            return new Result(cp.jobId, Status.EMPTY, 0, List.of(), null, false);
        }
        // A design that prints a sensitive attribute of these people is refused before anything is written.
        design.checkSensitive(cardData(source, entries.get(0), enrollments(cp), Map.of()).attributes());
        assignSerials(entries);
        saveCheckpoint(cp);
        LOG.info("Card job {} planned: {} cards, program {}, template {}, format {}", cp.jobId, entries.size(),
                cp.programUid, cp.template, cp.outputFormat);
        return execute(cp, source, design, false, progress, cancel);
    }

    /** The unfinished job of this slot, if any. */
    public Optional<Pending> pending() throws AppException {
        return checkpoint().map(cp -> new Pending(cp.jobId, cp.programUid, cp.template, cp.outputFormat(),
                Path.of(cp.out), cp.entries.size(), cp.done(), Instant.parse(cp.startedAt)));
    }

    /**
     * Finishes the unfinished job with its plan: same people, same serials, same design; parts already written are
     * kept.
     *
     * @throws AppException {@code cards.error.noPendingJob}
     */
    public Result resume(ProgressSink progress, Cancellation cancel) throws AppException {
        Checkpoint cp = checkpoint().orElseThrow(() ->
                new AppException("cards.error.noPendingJob", "no unfinished job"));
        CardDesign design = DesignJson.read(cp.design.getBytes(StandardCharsets.UTF_8));
        checkOutput(Path.of(cp.out));
        CardSource.ProgramCards source = new CardSource(registry).program(cp.programUid, design.language(),
                LocalDate.parse(cp.issuedOn));
        LOG.info("Card job {} resumed at {} of {} cards", cp.jobId, cp.done(), cp.entries.size());
        return execute(cp, source, design, true, progress, cancel);
    }

    /** Forgets the unfinished job and deletes its staging folder; no card of it is issued. */
    public void discardPending() throws AppException {
        Optional<Checkpoint> cp = checkpoint();
        if (cp.isEmpty()) {
            return;
        }
        if (RECORDED.equals(cp.get().state)) {
            // Its cards are already issued: finishing the packaging is the only way to honour them.
            throw new AppException("cards.error.discardRecorded", "the job's cards are recorded");
        }
        deleteTree(staging(Path.of(cp.get().out), cp.get().jobId));
        clearCheckpoint(cp.get().jobId, "discarded");
    }

    // ------------------------------------------------------------------ execution

    private Result execute(Checkpoint cp, CardSource.ProgramCards source, CardDesign design, boolean resumed,
            ProgressSink progress, Cancellation cancel) throws AppException {
        Path out = Path.of(cp.out);
        Path staging = staging(out, cp.jobId);
        OutputFormat format = cp.outputFormat();
        int total = cp.entries.size();
        int parts = (total + cp.partSize - 1) / cp.partSize;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw writeError(out, e);
        }
        if (GENERATING.equals(cp.state)) {
            progress.message("cards.job.generating");
            Map<String, EnrollmentRecord> records = enrollments(cp);
            Map<String, String> tei = teiUids(cp.programUid);
            int drawn = 0;
            for (int p = cp.partsDone; p < parts; p++) {
                List<Entry> slice = cp.entries.subList(p * cp.partSize, Math.min(total, (p + 1) * cp.partSize));
                int before = p * cp.partSize;
                progress.progress(before, total);
                boolean complete;
                if (format.isPdf()) {
                    complete = writePdfPart(cp, staging.resolve(partName(p)), slice, before, source, design, records,
                            tei, drawn, progress, cancel);
                } else {
                    complete = writePngPart(cp, staging, slice, before, source, design, records, tei, drawn, progress,
                            cancel);
                }
                if (!complete) {
                    deleteTree(staging);
                    clearCheckpoint(cp.jobId, "cancelled");
                    LOG.info("Card job {} cancelled", cp.jobId);
                    return new Result(cp.jobId, Status.CANCELLED, 0, List.of(), null, resumed);
                }
                drawn += slice.size();
                cp.partsDone = p + 1;
                saveCheckpoint(cp);
            }
            record(cp);
        }
        progress.message("cards.job.packaging");
        progress.progress(total, total);
        Result result = format.isPdf() ? packagePdf(cp, staging, parts, resumed) : packageZip(cp, staging, resumed);
        deleteTree(staging);
        clearCheckpoint(cp.jobId, "completed");
        LOG.info("Card job {} completed: {} cards in {} file(s)", cp.jobId, total, result.files().size());
        return result;
    }

    private CardData cardData(CardSource.ProgramCards source, Entry e, Map<String, EnrollmentRecord> records,
            Map<String, String> tei) throws AppException {
        IdentityRecord identity = registry.identityByMpiId(e.mpi).orElseThrow(() ->
                new AppException("error.registry.unknownIdentity", "no identity for a planned card", e.mpi));
        return source.card(identity, tei.get(e.mpi), records.get(e.enrollment));
    }

    private CardData issue(CardSource.ProgramCards source, Entry e, Map<String, EnrollmentRecord> records,
            Map<String, String> tei) throws AppException {
        CardData data = cardData(source, e, records, tei).withSerial(e.serial);
        e.payload = CardPayload.hash(data);
        return data;
    }

    private void afterCard(int drawnInRun, int done, int total, ProgressSink progress) {
        progress.progress(done, total);
        if (crashAfter >= 0 && drawnInRun >= crashAfter) {
            throw new SimulatedCrash();
        }
    }

    private boolean writePdfPart(Checkpoint cp, Path file, List<Entry> slice, int before,
            CardSource.ProgramCards source, CardDesign design, Map<String, EnrollmentRecord> records,
            Map<String, String> tei, int drawn, ProgressSink progress, Cancellation cancel) throws AppException {
        PdfCardWriter.Layout layout = cp.outputFormat() == OutputFormat.A4 ? PdfCardWriter.Layout.A4_SHEETS
                : PdfCardWriter.Layout.CARDS;
        PdfCardWriter writer;
        try {
            writer = new PdfCardWriter(file, layout, cp.dpi, renderer);
        } catch (IOException e) {
            throw writeError(Path.of(cp.out), e);
        }
        boolean closed = false;
        try {
            int i = 0;
            for (Entry e : slice) {
                if (cancel.isCancelled()) {
                    return false;
                }
                writer.add(design, issue(source, e, records, tei));
                i++;
                afterCard(drawn + i, before + i, cp.entries.size(), progress);
            }
            writer.close();
            closed = true;
            return true;
        } catch (IOException | UncheckedIOException e) {
            throw writeError(Path.of(cp.out), e);
        } finally {
            if (!closed) {
                try {
                    writer.discard();
                } catch (IOException e) {
                    LOG.debug("PDF part not discarded: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private boolean writePngPart(Checkpoint cp, Path staging, List<Entry> slice, int before,
            CardSource.ProgramCards source, CardDesign design, Map<String, EnrollmentRecord> records,
            Map<String, String> tei, int drawn, ProgressSink progress, Cancellation cancel) throws AppException {
        // Card data is read here, in order (the registry's reader is one connection); the two images of each card are
        // drawn and PNG-encoded on the render pool, a window of cards at a time, and written in order.
        int window = renderPool == null ? 1 : PNG_WINDOW;
        int i = 0;
        for (int from = 0; from < slice.size(); from += window) {
            if (cancel.isCancelled()) {
                return false;
            }
            List<Entry> cards = slice.subList(from, Math.min(slice.size(), from + window));
            List<Future<byte[][]>> images = new ArrayList<>(cards.size());
            for (Entry e : cards) {
                CardData data = issue(source, e, records, tei);
                Callable<byte[][]> draw = () -> new byte[][] {png(design, data, Side.FRONT, cp.dpi),
                        png(design, data, Side.BACK, cp.dpi)};
                images.add(renderPool == null ? CompletableFuture.completedFuture(call(draw, cp))
                        : renderPool.submit(draw));
            }
            for (int k = 0; k < cards.size(); k++) {
                byte[][] sides = await(images.get(k), images, cp);
                Entry e = cards.get(k);
                for (Side side : Side.values()) {
                    byte[] png = sides[side.ordinal()];
                    AtomicFiles.writeBinary(staging.resolve(pngName(e.serial, side)), "cards.error.write",
                            o -> o.write(png));
                }
                i++;
                afterCard(drawn + i, before + i, cp.entries.size(), progress);
            }
        }
        return true;
    }

    private byte[] png(CardDesign design, CardData data, Side side, int dpi) throws AppException, IOException {
        return PngOutput.bytes(renderer.render(design, data, side, dpi), dpi, true);
    }

    private static byte[][] call(Callable<byte[][]> draw, Checkpoint cp) throws AppException {
        try {
            return draw.call();
        } catch (AppException e) {
            throw e;
        } catch (IOException e) {
            throw writeError(Path.of(cp.out), e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The images of one card from the pool; a failure stops the window (the part is redone on resume). */
    private static byte[][] await(Future<byte[][]> f, List<Future<byte[][]>> window, Checkpoint cp)
            throws AppException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            window.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new AppException("cards.error.interrupted", "interrupted while drawing cards");
        } catch (ExecutionException e) {
            window.forEach(x -> x.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof AppException a) {
                throw a;
            }
            if (cause instanceof IOException io) {
                throw writeError(Path.of(cp.out), io);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void record(Checkpoint cp) throws AppException {
        Instant now = clock.instant();
        List<IssuedCard> cards = new ArrayList<>(cp.entries.size());
        for (Entry e : cp.entries) {
            cards.add(new IssuedCard(e.serial, e.mpi, cp.programUid, cp.template, cp.designHash, e.payload,
                    IssuedCard.ISSUED, now, cp.jobId));
        }
        registry.saveIssuedCards(cards);
        cp.state = RECORDED;
        saveCheckpoint(cp);
    }

    // ------------------------------------------------------------------ packaging

    private Result packagePdf(Checkpoint cp, Path staging, int parts, boolean resumed) throws AppException {
        Path out = Path.of(cp.out);
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            files.add(parts == 1 ? out : numbered(out, p + 1, parts));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean sheets = cp.outputFormat() == OutputFormat.A4;
        for (int i = 0; i < cp.entries.size(); i++) {
            Entry e = cp.entries.get(i);
            int inPart = i % cp.partSize;
            Map<String, Object> row = row(e);
            row.put("file", files.get(i / cp.partSize).getFileName().toString());
            if (sheets) {
                row.put("page", 2 * (inPart / PdfCardWriter.PER_SHEET) + 1);
                row.put("position", inPart % PdfCardWriter.PER_SHEET + 1);
            } else {
                row.put("page", 2 * inPart + 1);
            }
            rows.add(row);
        }
        Path manifest = out.resolveSibling(baseName(out) + ".manifest.json");
        writeManifest(manifest, cp, rows);
        try {
            for (int p = 0; p < parts; p++) {
                Path part = staging.resolve(partName(p));
                if (Files.exists(part)) {
                    AtomicFiles.move(part, files.get(p));
                } else if (!Files.exists(files.get(p))) {
                    throw new IOException("part missing");
                }
            }
        } catch (IOException e) {
            throw writeError(out, e);
        }
        return new Result(cp.jobId, Status.COMPLETED, cp.entries.size(), files, manifest, resumed);
    }

    private Result packageZip(Checkpoint cp, Path staging, boolean resumed) throws AppException {
        Path out = Path.of(cp.out);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : cp.entries) {
            Map<String, Object> row = row(e);
            row.put("front", "cards/" + pngName(e.serial, Side.FRONT));
            row.put("back", "cards/" + pngName(e.serial, Side.BACK));
            rows.add(row);
        }
        AtomicFiles.writeBinary(out, "cards.error.write", o -> {
            ZipOutputStream zip = new ZipOutputStream(o, StandardCharsets.UTF_8);
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(cp, rows)));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            Csv.writeRow(w, "serial", "mpi_id", "front", "back");
            for (Map<String, Object> r : rows) {
                Csv.writeRow(w, (String) r.get("serial"), (String) r.get("mpiId"), (String) r.get("front"),
                        (String) r.get("back"));
            }
            w.flush();
            zip.closeEntry();
            for (Entry e : cp.entries) {
                for (Side side : Side.values()) {
                    zip.putNextEntry(new ZipEntry("cards/" + pngName(e.serial, side)));
                    Files.copy(staging.resolve(pngName(e.serial, side)), zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
        });
        return new Result(cp.jobId, Status.COMPLETED, cp.entries.size(), List.of(out), out, resumed);
    }

    private static Map<String, Object> row(Entry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("serial", e.serial);
        row.put("mpiId", e.mpi);
        return row;
    }

    private Map<String, Object> manifest(Checkpoint cp, List<Map<String, Object>> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", MANIFEST_FORMAT);
        m.put("version", 1);
        m.put("job", cp.jobId);
        m.put("program", cp.programUid);
        m.put("template", cp.template);
        m.put("designHash", cp.designHash);
        m.put("dpi", cp.dpi);
        m.put("output", cp.outputFormat);
        m.put("issuedOn", cp.issuedOn);
        m.put("generatedAt", clock.instant().toString());
        m.put("count", rows.size());
        m.put("cards", rows);
        return m;
    }

    private void writeManifest(Path file, Checkpoint cp, List<Map<String, Object>> rows) throws AppException {
        AtomicFiles.writeBinary(file, "cards.error.write",
                o -> o.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(cp, rows))));
    }

    // ------------------------------------------------------------------ plumbing

    private void assignSerials(List<Entry> entries) throws AppException {
        Set<String> used = new HashSet<>();
        List<Entry> todo = entries;
        while (!todo.isEmpty()) {
            Map<String, Entry> batch = new HashMap<>();
            for (Entry e : todo) {
                String s;
                do {
                    s = CardSerial.generate(random);
                } while (!used.add(s));
                e.serial = s;
                batch.put(s, e);
            }
            Set<String> taken = registry.existingCardSerials(batch.keySet());
            todo = taken.stream().map(batch::get).toList();
        }
    }

    private Map<String, EnrollmentRecord> enrollments(Checkpoint cp) throws AppException {
        Set<String> wanted = new HashSet<>();
        for (Entry e : cp.entries) {
            wanted.add(e.enrollment);
        }
        Map<String, EnrollmentRecord> out = new HashMap<>();
        registry.forEachEnrollment(cp.programUid, e -> {
            if (wanted.contains(e.enrollmentUid())) {
                out.put(e.enrollmentUid(), e);
            }
        });
        return out;
    }

    private Map<String, String> teiUids(String programUid) throws AppException {
        Map<String, String> out = new HashMap<>();
        registry.forEachExternalId(l -> {
            if (programUid.equals(l.programUid())) {
                out.putIfAbsent(l.mpiId(), l.teiUid());
            }
        });
        return out;
    }

    private Optional<Checkpoint> checkpoint() throws AppException {
        Optional<byte[]> doc = registry.document(DOCUMENT + slot);
        if (doc.isEmpty() || doc.get().length == 0) {
            return Optional.empty();
        }
        try {
            Checkpoint cp = JSON.readValue(doc.get(), Checkpoint.class);
            if (!CHECKPOINT_FORMAT.equals(cp.format) || cp.jobId == null || cp.entries == null || cp.partSize <= 0) {
                LOG.warn("Card job checkpoint of slot {} unreadable: ignored", slot);
                return Optional.empty();
            }
            return Optional.of(cp);
        } catch (IOException e) {
            LOG.warn("Card job checkpoint of slot {} unreadable: ignored", slot);
            return Optional.empty();
        }
    }

    private void saveCheckpoint(Checkpoint cp) throws AppException {
        try {
            registry.saveDocument(DOCUMENT + slot, JSON.writeValueAsBytes(cp), "cards.job.checkpoint",
                    "job=" + cp.jobId + " state=" + cp.state + " done=" + cp.done() + " total=" + cp.entries.size(),
                    null);
        } catch (IOException e) {
            throw new AppException("cards.error.checkpoint", "checkpoint not serialised", e);
        }
    }

    private void clearCheckpoint(String jobId, String outcome) throws AppException {
        registry.saveDocument(DOCUMENT + slot, new byte[0], "cards.job." + outcome, "job=" + jobId, null);
    }

    private static void checkOutput(Path out) throws AppException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs) || dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new AppException("cards.error.outDir", "output folder missing or read-only", abs.toString());
        }
    }

    static Path staging(Path out, String jobId) {
        Path abs = out.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".carnet-" + jobId.substring(0, 8));
    }

    private static String partName(int p) {
        return String.format(Locale.ROOT, "part-%04d.pdf", p + 1);
    }

    static String pngName(String serial, Side side) {
        return serial + "-" + side.name().toLowerCase(Locale.ROOT) + ".png";
    }

    private static String baseName(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** {@code cards.pdf} part 2 of 12 → {@code cards-02.pdf}. */
    static Path numbered(Path out, int n, int of) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        int width = String.valueOf(of).length() < 2 ? 2 : String.valueOf(of).length();
        return out.resolveSibling(baseName(out) + "-" + String.format(Locale.ROOT, "%0" + width + "d", n) + ext);
    }

    private static AppException writeError(Path out, Exception e) {
        return new AppException("cards.error.write", "cannot write cards: " + e.getClass().getSimpleName(), e,
                out.getFileName());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Staging folder of a card job not fully deleted: {}", e.getClass().getSimpleName());
        }
    }
}
