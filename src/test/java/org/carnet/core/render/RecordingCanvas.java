package org.carnet.core.render;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A canvas that draws nothing and remembers where every text run, logo and QR went (for layout checks). */
final class RecordingCanvas implements CardCanvas {
    record Box(String kind, String text, Rectangle2D bounds) {
    }

    private final double w;
    private final double h;
    final List<Box> texts = new ArrayList<>();
    final List<Box> qrs = new ArrayList<>();
    final List<Box> images = new ArrayList<>();

    RecordingCanvas(CardFormat f) {
        this.w = f.widthMm();
        this.h = f.heightMm();
    }

    @Override
    public double widthMm() {
        return w;
    }

    @Override
    public double heightMm() {
        return h;
    }

    @Override
    public int dpi() {
        return 300;
    }

    @Override
    public void fill(Shape shapeMm, Fill fill) {
    }

    @Override
    public void stroke(Shape shapeMm, Rgb colour, double widthMm, float[] dashMm) {
    }

    @Override
    public void text(TextRun run, double x, double baseline, Rgb colour) {
        if (run.text().isBlank()) {
            return;
        }
        // The box of the glyphs actually drawn: cap height above the baseline, descender below.
        double ascent = CardFonts.capHeightMm(run.face(), run.sizePt());
        double descent = run.sizePt() * 0.22 * 25.4 / 72;
        texts.add(new Box("text", run.text(), new Rectangle2D.Double(x, baseline - ascent, run.widthMm(),
                ascent + descent)));
    }

    @Override
    public void image(Logo logo, double x, double y, double bw, double bh) {
        images.add(new Box("logo", null, new Rectangle2D.Double(x, y, bw, bh)));
    }

    @Override
    public double qr(QrCode code, double x, double y, double maxMm) {
        double side = code.sideMm(maxMm, 300);
        double dot = 25.4 / 300;
        double ox = Math.ceil(x / dot - 1e-6) * dot;
        double oy = Math.ceil(y / dot - 1e-6) * dot;
        qrs.add(new Box("qr", null, new Rectangle2D.Double(ox, oy, side, side)));
        return side;
    }
}
