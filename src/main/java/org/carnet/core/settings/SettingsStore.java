package org.carnet.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import org.carnet.core.common.AppException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link AppSettings} as JSON. Saving writes a temporary file and moves it into place, so a crash or
 * a full disk never leaves a half-written file. An unreadable file is kept aside (never deleted) and defaults are
 * used.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Clock clock;
    private Path quarantined;

    public SettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    public SettingsStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Where an unreadable settings file was moved by the last {@link #load()}, or null. */
    public Path quarantinedFile() {
        return quarantined;
    }

    public AppSettings load() {
        quarantined = null;
        if (!Files.exists(file)) {
            return new AppSettings();
        }
        try {
            AppSettings s = mapper.readValue(file.toFile(), AppSettings.class);
            return s == null ? new AppSettings() : s;
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                quarantined = aside;
            } catch (IOException moveFailed) {
                LOG.warn("Settings file unreadable and could not be moved aside: {}", moveFailed.getClass().getSimpleName());
            }
            LOG.warn("Settings file {} was unreadable ({}); defaults in use, original kept as {}",
                    file.getFileName(), e.getClass().getSimpleName(), aside.getFileName());
            return new AppSettings();
        }
    }

    public void save(AppSettings settings) throws AppException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = mapper.writeValueAsBytes(settings);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (JsonProcessingException e) {
            throw new AppException("error.settings.save", "Settings could not be serialised", e, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original file is untouched; nothing else to clean
            }
            throw new AppException("error.settings.save", "Settings could not be written: " + e.getClass().getSimpleName(),
                    e, file);
        }
    }
}
