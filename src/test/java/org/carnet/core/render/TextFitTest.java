package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Auto-fit: keep, shrink to the minimum, then ellipsize; never wider than the box; every letter has a glyph. */
class TextFitTest {

    @Test
    void shortTextKeepsItsSize() {
        TextRun r = TextFit.fit("Awa SY", Face.BOLD, 13, 7, 60);
        assertEquals(13, r.sizePt());
        assertFalse(r.shrunk());
        assertEquals("Awa SY", r.text());
    }

    @Test
    void longTextShrinksThenEllipsizesAndNeverOverflows() {
        String name = "Marie-Thérèse Ndèye Fatou Aïssatou Ñiang N'DIAYE KOUROUMA";
        TextRun shrunk = TextFit.fit(name, Face.BOLD, 13, 6, 70);
        assertTrue(shrunk.shrunk());
        assertFalse(shrunk.ellipsized());
        assertTrue(shrunk.widthMm() <= 70);
        assertEquals(name, shrunk.text());
        for (String s : new String[] {name.repeat(4), "W".repeat(200), "MAMADOU ABDOULAYE ".repeat(10),
            "عائشة بنت محمد انجاي ".repeat(8)}) {
            for (double w : new double[] {5, 20, 47.3, 80}) {
                TextRun r = TextFit.fit(s, Face.BOLD, 13, 7, w);
                assertTrue(r.widthMm() <= w + 1e-9, s.substring(0, 5) + " at " + w + ": " + r.widthMm());
                assertEquals(7, r.sizePt(), 1e-9, "shrinks to the minimum before cutting");
                assertTrue(r.ellipsized());
                assertTrue(r.text().endsWith("…") || r.text().isEmpty());
                assertEquals(r.widthMm(), CardFonts.widthMm(r.text(), Face.BOLD, 7, 0), 1e-9);
            }
        }
    }

    @Test
    void frenchWolofAndArabicLettersAllHaveGlyphs() {
        String latin = "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ ñÑŋŊóÓãẽ «» ’ · …";
        assertEquals(0, CardFonts.missingGlyphs(latin), latin);
        String arabic = "عائشة بنت محمد انجاي";
        assertEquals(0, CardFonts.missingGlyphs(arabic));
        assertTrue(CardFonts.hasArabic(arabic));
        assertEquals(latin, CardFonts.printable(latin));
        // A character no bundled font has is shown as "?" (and reported), never silently dropped.
        assertEquals(1, CardFonts.missingGlyphs("Awa \uD83D\uDE00"));
        assertEquals("Awa ?", CardFonts.printable("Awa \uD83D\uDE00"));
        assertEquals("A B", CardFonts.printable("A\nB"));
    }

    @Test
    void arabicIsMeasuredWithTheArabicFont() {
        double w = CardFonts.widthMm("عائشة", Face.REGULAR, 10, 0);
        assertTrue(w > 3 && w < 20, "shaped Arabic has a real width: " + w);
    }
}
