package org.carnet.core.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;

/**
 * The saved mappings, one per program, encrypted in the registry with their earlier versions; every save is audited
 * with its version. A program without a saved mapping uses the accepted suggestions ({@link #current}). Mapping files
 * ({@link #export}, {@link #importFile}) are JSON with the format name {@value #FORMAT}; they hold metadata only.
 */
public final class MappingStore {
    public static final String FORMAT = "carnet-mapping";
    public static final int FORMAT_VERSION = 1;
    /** Earlier versions kept per program. */
    public static final int HISTORY = 20;
    private static final String DOCUMENT_PREFIX = "mapping/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Deployment-wide transform settings: the country of phone numbers written without a country code (ISO 3166),
     * and the org unit level of districts.
     */
    public record Settings(String phoneCountry, int districtLevel) {
        public static final Settings DEFAULTS = new Settings("SN", 3);

        public Settings {
            phoneCountry = phoneCountry == null || !phoneCountry.strip().matches("[A-Za-z]{2}") ? "SN"
                    : phoneCountry.strip().toUpperCase(Locale.ROOT);
            districtLevel = districtLevel < 1 ? 3 : districtLevel;
        }
    }

    private static final String SETTINGS = "mapping.settings";

    public Settings settings() throws RegistryException {
        Optional<byte[]> doc = registry.document(SETTINGS);
        if (doc.isEmpty()) {
            return Settings.DEFAULTS;
        }
        try {
            return JSON.readValue(doc.get(), Settings.class);
        } catch (IOException e) {
            return Settings.DEFAULTS;
        }
    }

    public void saveSettings(Settings s) throws RegistryException {
        try {
            registry.saveDocument(SETTINGS, JSON.writeValueAsBytes(s), "mapping.settings.saved",
                    "phoneCountry=" + s.phoneCountry() + " districtLevel=" + s.districtLevel(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored document: the current mapping and the earlier versions, newest first. */
    record Stored(ProgramMapping current, List<ProgramMapping> history) {
    }

    private final Registry registry;
    private final MappingSuggester suggester = new MappingSuggester();

    public MappingStore(Registry registry) {
        this.registry = registry;
    }

    /** The cached program with the guard's verdicts, or an error naming it. */
    public ProgramInfo program(String uid) throws AppException {
        return new ProgramGuards(registry).program(uid).orElseThrow(() -> new AppException("error.mapping.noProgram",
                "program not cached", uid));
    }

    public Optional<ProgramMapping> saved(String programUid) throws RegistryException {
        return stored(programUid).map(Stored::current);
    }

    /** Earlier versions, newest first. */
    public List<ProgramMapping> history(String programUid) throws RegistryException {
        return stored(programUid).map(Stored::history).orElse(List.of());
    }

    /** The saved mapping, else the suggestions (version 0). */
    public ProgramMapping current(ProgramInfo program) throws RegistryException {
        return saved(program.uid()).orElseGet(() -> suggester.suggestedMapping(program));
    }

    /**
     * Validates and saves {@code fields} as the program's next version; the previous one goes to the history.
     *
     * @throws MappingException when a problem blocks the mapping (nothing is saved)
     */
    public ProgramMapping save(ProgramInfo program, List<FieldMapping> fields) throws AppException {
        List<MappingIssue> issues = MappingValidator.validate(program, fields);
        if (MappingValidator.blocking(issues)) {
            throw new MappingException(issues);
        }
        Optional<Stored> before = stored(program.uid());
        int version = before.map(s -> s.current().version()).orElse(0) + 1;
        ProgramMapping next = new ProgramMapping(program.uid(), version, Instant.now().toString(), fields);
        List<ProgramMapping> history = new ArrayList<>();
        before.ifPresent(s -> {
            history.add(s.current());
            history.addAll(s.history());
        });
        Stored doc = new Stored(next, history.subList(0, Math.min(HISTORY, history.size())));
        try {
            registry.saveDocument(DOCUMENT_PREFIX + program.uid(), JSON.writeValueAsBytes(doc), "mapping.saved",
                    "program=" + program.uid() + " version=" + version + " fields=" + fields.size(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mapping not serialisable", e);
        }
        return next;
    }

    private Optional<Stored> stored(String programUid) throws RegistryException {
        Optional<byte[]> doc = registry.document(DOCUMENT_PREFIX + programUid);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(doc.get(), Stored.class));
        } catch (IOException e) {
            throw new RegistryException("error.mapping.unreadable", "saved mapping unreadable");
        }
    }

    /** Writes {@code mapping} of {@code program} as a mapping file (whole or not at all). */
    public static void export(ProgramInfo program, ProgramMapping mapping, Path out) throws AppException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("program", program.uid());
        root.put("programName", program.name());
        root.put("version", mapping.version());
        root.put("exportedAt", Instant.now().toString());
        ArrayNode fields = root.putArray("fields");
        for (FieldMapping f : mapping.fields()) {
            ObjectNode o = fields.addObject();
            o.put("field", f.field());
            o.put("by", f.by().name().toLowerCase(Locale.ROOT));
            o.put("source", f.source());
        }
        AtomicFiles.write(out, "error.mapping.write", w -> {
            JSON.writerWithDefaultPrettyPrinter().writeValue(w, root);
            return mapping.fields().size();
        });
    }

    /**
     * Reads a mapping file. The file may come from another program (codes are often shared): it is checked against
     * the target program when saved.
     *
     * @throws AppException when the file is missing, not JSON, or not a mapping file
     */
    public static List<FieldMapping> read(Path file) throws AppException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new AppException("error.mapping.fileMissing", "mapping file missing", file.getFileName());
        } catch (IOException e) {
            throw new AppException("error.mapping.fileInvalid", "mapping file is not JSON", file.getFileName());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("fields").isArray()) {
            throw new AppException("error.mapping.fileInvalid", "not a mapping file", file.getFileName());
        }
        if (root.path("formatVersion").asInt(1) > FORMAT_VERSION) {
            throw new AppException("error.mapping.fileNewer", "mapping file from a newer Carnet", file.getFileName());
        }
        List<FieldMapping> out = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            String field = f.path("field").asText("");
            String source = f.path("source").asText("");
            FieldMapping.By by;
            try {
                by = FieldMapping.By.valueOf(f.path("by").asText("code").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AppException("error.mapping.fileInvalid", "unknown 'by'", file.getFileName());
            }
            if (field.isBlank() || source.isBlank()) {
                throw new AppException("error.mapping.fileInvalid", "field without a source", file.getFileName());
            }
            out.add(new FieldMapping(field.strip(), by, source.strip()));
        }
        return out;
    }

    /** Reads a mapping file and saves it as the program's next version. */
    public ProgramMapping importFile(ProgramInfo program, Path file) throws AppException {
        return save(program, read(file));
    }
}
