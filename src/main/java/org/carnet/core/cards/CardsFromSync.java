package org.carnet.core.cards;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.sync.SyncCardStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cards from sync: a programme can be set to issue the cards of the enrollments a sync created or changed (only people
 * whose card would print something new), in its saved design, into a chosen folder, one file per sync named after the
 * programme and the time. The settings are kept in the registry; the step plugs into {@link SyncCardStep}. A job
 * interrupted by a crash is finished by the next sync of any programme before new cards are made.
 */
public final class CardsFromSync implements SyncCardStep {
    private static final Logger LOG = LoggerFactory.getLogger(CardsFromSync.class);
    private static final String DOCUMENT = "cards.fromSync";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A programme's cards-from-sync setting: on/off, the folder files go to, their format. */
    public record Settings(String programUid, boolean enabled, String folder, OutputFormat format) {
        public Settings {
            format = format == null ? OutputFormat.PDF : format;
            folder = folder == null || folder.isBlank() ? null : folder.strip();
        }
    }

    /** As stored (format by its code). */
    private record Stored(boolean enabled, String folder, String format) {
    }

    private final Registry registry;
    private final Clock clock;

    public CardsFromSync(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The programme's setting (off when never set). */
    public static Settings settings(Registry registry, String programUid) throws AppException {
        Stored s = all(registry).get(programUid);
        return s == null ? new Settings(programUid, false, null, OutputFormat.PDF)
                : new Settings(programUid, s.enabled(), s.folder(), OutputFormat.of(s.format()).orElse(OutputFormat.PDF));
    }

    /**
     * Saves a programme's setting.
     *
     * @throws AppException {@code cards.error.outDir} when an enabled setting has no writable folder
     */
    public static void save(Registry registry, Settings settings) throws AppException {
        if (settings.enabled()) {
            Path dir = settings.folder() == null ? null : Path.of(settings.folder());
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new AppException("cards.error.outDir", "folder missing or read-only",
                        settings.folder() == null ? "" : settings.folder());
            }
        }
        Map<String, Stored> all = new TreeMap<>(all(registry));
        all.put(settings.programUid(), new Stored(settings.enabled(), settings.folder(), settings.format().code()));
        try {
            registry.saveDocument(DOCUMENT, JSON.writeValueAsBytes(all), "cards.fromSync.saved",
                    "program=" + settings.programUid() + " enabled=" + settings.enabled() + " format="
                            + settings.format().code(), null);
        } catch (IOException e) {
            throw new AppException("cards.error.checkpoint", "settings not serialised", e);
        }
    }

    private static Map<String, Stored> all(Registry registry) throws AppException {
        Optional<byte[]> doc = registry.document(DOCUMENT);
        if (doc.isEmpty() || doc.get().length == 0) {
            return Map.of();
        }
        try {
            return JSON.readValue(doc.get(), new TypeReference<Map<String, Stored>>() { });
        } catch (IOException e) {
            LOG.warn("Cards-from-sync settings unreadable: treated as off");
            return Map.of();
        }
    }

    @Override
    public Outcome afterSync(String programUid, Set<String> changed, ProgressSink progress, Cancellation cancel) {
        try {
            Settings s = settings(registry, programUid);
            GenerationJob job = new GenerationJob(registry, clock, GenerationJob.SLOT_SYNC);
            long resumed = 0;
            Optional<GenerationJob.Pending> interrupted = job.pending();
            if (interrupted.isPresent()) {
                GenerationJob.Result r = job.resume(progress, cancel);
                resumed = interrupted.get().programUid().equals(programUid) ? r.cards() : 0;
            }
            if (!s.enabled()) {
                return resumed > 0 ? new Outcome(resumed, null) : Outcome.OFF;
            }
            if (changed.isEmpty()) {
                return new Outcome(resumed, null);
            }
            CardDesign design = new DesignStore(registry).designFor(programUid);
            String stamp = ZonedDateTime.now(clock).format(STAMP);
            Path out = Path.of(s.folder()).resolve("cards-" + programUid + "-" + stamp + s.format().extension());
            GenerationRequest request = new GenerationRequest(programUid, design, GenerationRequest.Filters.NONE,
                    300, design.showMpiId(), s.format(), out);
            GenerationJob.Result r = job.run(request, changed, true, progress, cancel);
            LOG.info("Cards from sync for {}: {} cards", programUid, r.cards());
            return new Outcome(resumed + r.cards(), null);
        } catch (AppException e) {
            LOG.warn("Cards from sync for {} failed: {}", programUid, e.messageKey());
            return new Outcome(0, e.messageKey());
        } catch (RuntimeException e) {
            LOG.error("Cards from sync for {} failed unexpectedly", programUid, e);
            return new Outcome(0, "cards.error.internal");
        }
    }
}
