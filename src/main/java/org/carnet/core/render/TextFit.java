package org.carnet.core.render;

import java.text.BreakIterator;

/**
 * Auto-fit of one line of text into a width: the text keeps its size if it fits, else shrinks step by step down to a
 * minimum size, and only then is shortened at a character boundary with an ellipsis. Nothing ever overflows.
 */
public final class TextFit {
    private static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /** Fits {@code text} into {@code maxWidthMm} between {@code minPt} and {@code maxPt}. */
    public static TextRun fit(String text, Face face, double maxPt, double minPt, double maxWidthMm) {
        return fit(text, face, maxPt, minPt, maxWidthMm, 0);
    }

    /** As {@link #fit(String, Face, double, double, double)} with letter spacing (a fraction of the size). */
    public static TextRun fit(String text, Face face, double maxPt, double minPt, double maxWidthMm, double tracking) {
        String s = CardFonts.printable(text).strip();
        double min = Math.min(minPt, maxPt);
        double w = CardFonts.widthMm(s, face, maxPt, tracking);
        if (w <= maxWidthMm) {
            return new TextRun(s, face, maxPt, tracking, w, false, false);
        }
        // Width is proportional to size: jump to the size that fits, then check (rounding, hinting-free metrics).
        double size = Math.max(min, Math.floor(maxPt * maxWidthMm / w * 10) / 10);
        w = CardFonts.widthMm(s, face, size, tracking);
        while (w > maxWidthMm && size > min) {
            size = Math.max(min, size - 0.2);
            w = CardFonts.widthMm(s, face, size, tracking);
        }
        if (w <= maxWidthMm) {
            return new TextRun(s, face, size, tracking, w, true, false);
        }
        return ellipsize(s, face, size, tracking, maxWidthMm);
    }

    private static TextRun ellipsize(String s, Face face, double size, double tracking, double maxWidthMm) {
        BreakIterator chars = BreakIterator.getCharacterInstance();
        chars.setText(s);
        // Binary search on grapheme boundaries for the longest prefix that fits with the ellipsis.
        int[] bounds = new int[s.length() + 1];
        int n = 0;
        for (int b = chars.first(); b != BreakIterator.DONE; b = chars.next()) {
            bounds[n++] = b;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            String candidate = s.substring(0, bounds[mid]).stripTrailing() + ELLIPSIS;
            if (CardFonts.widthMm(candidate, face, size, tracking) <= maxWidthMm) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String shown = lo == 0 ? "" : s.substring(0, bounds[lo]).stripTrailing() + ELLIPSIS;
        if (shown.isEmpty() && CardFonts.widthMm(ELLIPSIS, face, size, tracking) <= maxWidthMm) {
            shown = ELLIPSIS;
        }
        return new TextRun(shown, face, size, tracking, CardFonts.widthMm(shown, face, size, tracking), true, true);
    }
}
