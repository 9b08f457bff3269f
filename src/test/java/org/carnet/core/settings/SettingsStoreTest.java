package org.carnet.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.carnet.core.common.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsLanguageWindowAndTab() throws AppException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        AppSettings s = new AppSettings();
        s.setLanguage("fr");
        s.setWindow(new AppSettings.WindowBounds(10, 20, 1200, 700, false));
        s.setSelectedTab(3);
        store.save(s);
        AppSettings back = store.load();
        assertEquals("fr", back.getLanguage());
        assertEquals(new AppSettings.WindowBounds(10, 20, 1200, 700, false), back.getWindow());
        assertEquals(3, back.getSelectedTab());
        assertTrue(Files.notExists(dir.resolve("settings.json.tmp")));
    }

    @Test
    void missingFileGivesDefaults() {
        AppSettings s = new SettingsStore(dir.resolve("nope.json")).load();
        assertNull(s.getLanguage());
        assertNull(s.getWindow());
    }

    @Test
    void anUnreadableFileIsKeptAsideNotLost() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ this is not json");
        SettingsStore store = new SettingsStore(file);
        AppSettings s = store.load();
        assertNull(s.getLanguage());
        assertNotNull(store.quarantinedFile());
        assertEquals("{ this is not json", Files.readString(store.quarantinedFile()));
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"language\":\"fr\",\"futureThing\":{\"a\":1}}");
        assertEquals("fr", new SettingsStore(file).load().getLanguage());
    }

    @Test
    void aFailedSaveGivesAClearErrorAndKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        AppSettings s = new AppSettings();
        s.setLanguage("en");
        store.save(s);
        // The temporary file cannot be created: its name is taken by a non-empty directory (works as root too).
        Files.createDirectories(dir.resolve("settings.json.tmp").resolve("blocker"));
        s.setLanguage("fr");
        AppException e = assertThrows(AppException.class, () -> store.save(s));
        assertEquals("error.settings.save", e.messageKey());
        assertEquals("en", store.load().getLanguage());
    }

    @Test
    void homeIsResolvedFromOptionThenEnvironmentThenUserHome() {
        assertEquals(Path.of("/a/b"), AppHome.resolve("/a/b", Map.of("CARNET_HOME", "/env"), "/home/u").root());
        assertEquals(Path.of("/env"), AppHome.resolve(null, Map.of("CARNET_HOME", "/env"), "/home/u").root());
        assertEquals(Path.of("/home/u/.carnet"), AppHome.resolve(null, Map.of(), "/home/u").root());
        assertEquals(Path.of("/home/u/x"), AppHome.resolve("~/x", Map.of(), "/home/u").root());
        assertEquals(Path.of("/home/u/.carnet"), AppHome.resolve("  ", Map.of("CARNET_HOME", ""), "/home/u").root());
    }

    @Test
    void homeThatIsAFileGivesAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        AppException e = assertThrows(AppException.class, () -> AppHome.at(file).ensureExists());
        assertEquals("error.home.create", e.messageKey());
    }
}
