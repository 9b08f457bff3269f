package org.carnet.core.render;

/**
 * A line of text ready to draw: what is shown (possibly shortened with an ellipsis), its face, size, letter spacing
 * and measured width. Made by {@link TextFit}, so it always fits the width it was fitted to.
 */
public record TextRun(String text, Face face, double sizePt, double tracking, double widthMm, boolean shrunk,
        boolean ellipsized) {

    /** Whether this run needs the shaping path (Arabic script). */
    public boolean complex() {
        return CardFonts.hasArabic(text);
    }

    @Override
    public String toString() {
        return "TextRun[" + sizePt + "pt, " + text.length() + " chars]";
    }
}
