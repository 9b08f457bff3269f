package org.carnet.core.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fonts every card is drawn with, bundled so that output is identical on every machine: Noto Sans (Latin with
 * every French and Wolof letter) and Noto Sans Arabic for Arabic-script runs (OFL-1.1, licence beside the files).
 * Measuring uses unhinted fractional metrics, so the width of a text is the same in a preview, a 600 DPI PNG and
 * a PDF.
 */
public final class CardFonts {
    private static final String DIR = "/org/carnet/core/render/fonts/";
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Map<Face, Font> LATIN = new EnumMap<>(Face.class);
    private static final Map<Face, Font> ARABIC = new EnumMap<>(Face.class);

    static {
        LATIN.put(Face.REGULAR, load("NotoSans-Regular.ttf"));
        LATIN.put(Face.BOLD, load("NotoSans-Bold.ttf"));
        ARABIC.put(Face.REGULAR, load("NotoSansArabic-Regular.ttf"));
        ARABIC.put(Face.BOLD, load("NotoSansArabic-Bold.ttf"));
    }

    private CardFonts() {
    }

    /** The resource path of a bundled font file, for the PDF writer, which embeds the same files. */
    static String resource(Face face, boolean arabic) {
        return DIR + (arabic ? "NotoSansArabic-" : "NotoSans-") + (face == Face.BOLD ? "Bold" : "Regular") + ".ttf";
    }

    /** The Latin font at 1 pt. */
    public static Font latin(Face face) {
        return LATIN.get(face);
    }

    /** The Arabic fallback font at 1 pt. */
    public static Font arabic(Face face) {
        return ARABIC.get(face);
    }

    /** Whether a code point belongs to the Arabic script blocks drawn with the Arabic font. */
    public static boolean isArabic(int cp) {
        return cp >= 0x0600 && cp <= 0x06FF || cp >= 0x0750 && cp <= 0x077F || cp >= 0x08A0 && cp <= 0x08FF
                || cp >= 0xFB50 && cp <= 0xFDFF || cp >= 0xFE70 && cp <= 0xFEFF;
    }

    /** Whether a text has a code point drawn with the Arabic font. */
    public static boolean hasArabic(String s) {
        return s.codePoints().anyMatch(CardFonts::isArabic);
    }

    /** Whether the bundled fonts have a glyph for the code point. */
    public static boolean canDisplay(int cp) {
        return isArabic(cp) ? ARABIC.get(Face.REGULAR).canDisplay(cp) : LATIN.get(Face.REGULAR).canDisplay(cp);
    }

    /**
     * The text with every character the bundled fonts cannot draw replaced by {@code ?} and control characters
     * removed, so a glyph is never silently lost; {@link #missingGlyphs(String)} reports them beforehand.
     */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
            } else if (canDisplay(cp) || Character.getType(cp) == Character.FORMAT) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    /** The number of characters of {@code s} the bundled fonts cannot draw (pre-flight). */
    public static int missingGlyphs(String s) {
        return s == null ? 0 : (int) s.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .filter(cp -> !canDisplay(cp)).count();
    }

    /** Width in millimetres of {@code text} at {@code sizePt}, with Arabic runs in the Arabic font. */
    public static double widthMm(String text, Face face, double sizePt, double tracking) {
        if (text.isEmpty()) {
            return 0;
        }
        return layout(text, face, sizePt, tracking).getAdvance() * 25.4 / 72.0;
    }

    /** Ascent (above the baseline) of the Latin font at {@code sizePt}, in millimetres. */
    public static double ascentMm(Face face, double sizePt) {
        return LATIN.get(face).deriveFont((float) sizePt).getLineMetrics("Hg", FRC).getAscent() * 25.4 / 72.0;
    }

    /** Cap height of the Latin font at {@code sizePt} (height of "H"), in millimetres: for optical centring. */
    public static double capHeightMm(Face face, double sizePt) {
        return -LATIN.get(face).deriveFont((float) sizePt).createGlyphVector(FRC, "H").getVisualBounds().getY()
                * 25.4 / 72.0;
    }

    /** A shaped, bidirectional layout of the text in points (1 unit = 1 pt), Arabic runs in the Arabic font. */
    static TextLayout layout(String text, Face face, double sizePt, double tracking) {
        AttributedString as = attributed(text, face, sizePt, tracking);
        return new TextLayout(as.getIterator(), FRC);
    }

    static AttributedString attributed(String text, Face face, double sizePt, double tracking) {
        AttributedString as = new AttributedString(text);
        Font latin = derive(LATIN.get(face), sizePt, tracking);
        as.addAttribute(TextAttribute.FONT, latin);
        if (hasArabic(text)) {
            Font arabic = derive(ARABIC.get(face), sizePt, 0);
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int start = i;
                boolean ar = isArabic(cp) || cp == ' ' && arabicAround(text, i);
                while (i < text.length()) {
                    int c = text.codePointAt(i);
                    boolean a = isArabic(c) || c == ' ' && arabicAround(text, i);
                    if (a != ar) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                if (ar) {
                    as.addAttribute(TextAttribute.FONT, arabic, start, i);
                }
            }
        }
        return as;
    }

    private static boolean arabicAround(String text, int i) {
        return i > 0 && i + 1 < text.length() && isArabic(text.codePointBefore(i)) && isArabic(text.codePointAt(i + 1));
    }

    private static Font derive(Font base, double sizePt, double tracking) {
        Font f = base.deriveFont((float) sizePt);
        if (tracking != 0) {
            f = f.deriveFont(Map.of(TextAttribute.TRACKING, (float) tracking));
        }
        return f;
    }

    private static Font load(String file) {
        try (InputStream in = CardFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font unreadable: " + file, e);
        }
    }
}
