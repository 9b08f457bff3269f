package org.carnet.core.render;

import java.awt.Shape;

/**
 * The surface a template draws one side of a card on, in millimetres from the top-left corner, y downwards. The same
 * drawing code feeds the Java2D painter (PNG, preview, printing) and the PDF writer (vector text and QR).
 */
public interface CardCanvas {

    /** Width of the card side in millimetres. */
    double widthMm();

    /** Height of the card side in millimetres. */
    double heightMm();

    /** Device resolution the QR modules are snapped to (dots per inch). */
    int dpi();

    /** Fills a shape given in millimetres. */
    void fill(Shape shapeMm, Fill fill);

    /** Strokes a shape given in millimetres; {@code dashMm} is null for a solid line. */
    void stroke(Shape shapeMm, Rgb colour, double widthMm, float[] dashMm);

    /** Draws a fitted line of text with its left end at {@code x} and its baseline at {@code baseline}. */
    void text(TextRun run, double x, double baseline, Rgb colour);

    /** Draws a logo into the box (the caller keeps the aspect ratio, see {@link Logo#fit}). */
    void image(Logo logo, double x, double y, double w, double h);

    /**
     * Draws a QR symbol in pure black on white, its quiet zone included, with its top-left corner at or just after
     * ({@code x}, {@code y}) on the device grid and a whole number of dots per module, no larger than {@code maxMm}.
     *
     * @return the side actually drawn, in millimetres
     */
    double qr(QrCode code, double x, double y, double maxMm);
}
