package org.carnet.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The card fonts' licence travels with them, is in assets/, and Help › About lists it. */
class FontLicencesTest {
    @Test
    void cardFontsAreLicensedAndListed() throws Exception {
        try (InputStream in = FontLicencesTest.class.getResourceAsStream("/org/carnet/app/third-party.tsv")) {
            String tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(tsv.contains("Noto Sans, Noto Sans Arabic (card fonts)\t"), "About box row");
            assertTrue(tsv.lines().filter(l -> l.startsWith("Noto Sans")).allMatch(l -> l.contains("Open Font")));
        }
        assertNotNull(FontLicencesTest.class.getResource("/org/carnet/core/render/fonts/OFL-Noto.txt"));
        assertTrue(Files.readString(Path.of("assets/licences/OFL-Noto.txt")).contains("SIL Open Font License, Version 1.1"));
        assertTrue(Files.exists(Path.of("assets/licences/OFL-Inter.txt")));
    }
}
