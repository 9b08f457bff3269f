package org.carnet.core.render;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** Drawing helpers shared by the templates, in millimetres: boxes, fitted text, label/value pairs, logos, QR. */
public final class Draw {
    /** Horizontal alignment of text. */
    public enum Align { LEFT, CENTER, RIGHT }

    /** The safe zone: nothing that matters is drawn closer than this to the card's edge. */
    public static final double SAFE = 3.0;
    /** Smallest text size printed on a card (5 pt is the print shops' floor). */
    public static final double MIN_PT = 5.0;

    private Draw() {
    }

    public static void rect(CardCanvas c, double x, double y, double w, double h, Fill fill) {
        c.fill(new Rectangle2D.Double(x, y, w, h), fill);
    }

    public static void round(CardCanvas c, double x, double y, double w, double h, double r, Fill fill) {
        c.fill(new RoundRectangle2D.Double(x, y, w, h, 2 * r, 2 * r), fill);
    }

    public static void background(CardCanvas c, Fill fill) {
        rect(c, 0, 0, c.widthMm(), c.heightMm(), fill);
    }

    public static void circle(CardCanvas c, double cx, double cy, double r, Fill fill) {
        c.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), fill);
    }

    public static void line(CardCanvas c, double x1, double y1, double x2, double y2, Rgb colour, double w) {
        c.stroke(new Line2D.Double(x1, y1, x2, y2), colour, w, null);
    }

    /** Fits and draws one line; {@code x} is the left edge, the centre or the right edge depending on the alignment. */
    public static TextRun text(CardCanvas c, String s, Face face, double maxPt, double minPt, double x,
            double baseline, double maxWidth, Rgb colour, Align align) {
        return text(c, s, face, maxPt, minPt, x, baseline, maxWidth, colour, align, 0);
    }

    public static TextRun text(CardCanvas c, String s, Face face, double maxPt, double minPt, double x,
            double baseline, double maxWidth, Rgb colour, Align align, double tracking) {
        TextRun run = TextFit.fit(s == null ? "" : s, face, maxPt, Math.max(minPt, MIN_PT), maxWidth, tracking);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - run.widthMm() / 2;
            case RIGHT -> x - run.widthMm();
        };
        c.text(run, left, baseline, colour);
        return run;
    }

    /** A small label above its value; returns the height used (mm). */
    public static double field(CardCanvas c, String label, String value, double x, double y, double w,
            Rgb labelColour, Rgb valueColour, double labelPt, double valuePt) {
        double labelAscent = CardFonts.capHeightMm(Face.REGULAR, labelPt);
        text(c, label.toUpperCase(java.util.Locale.ROOT), Face.REGULAR, labelPt, MIN_PT, x, y + labelAscent, w,
                labelColour, Align.LEFT, 0.04);
        double valueTop = y + labelAscent + 1.0;
        double valueAscent = CardFonts.capHeightMm(Face.BOLD, valuePt);
        text(c, value, Face.BOLD, valuePt, MIN_PT, x, valueTop + valueAscent, w, valueColour, Align.LEFT);
        return valueTop + valueAscent - y + 1.2;
    }

    /**
     * Draws the design's logos in a row of height {@code h} within {@code maxW}, aspect kept, {@code gap} apart,
     * starting at {@code x} (LEFT), ending at it (RIGHT) or centred on it; returns the width used.
     */
    public static double logos(CardCanvas c, List<Logo> logos, double x, double y, double h, double maxW, Align align) {
        if (logos.isEmpty()) {
            return 0;
        }
        double gap = 1.5;
        double total = 0;
        double[] widths = new double[logos.size()];
        for (int i = 0; i < logos.size(); i++) {
            Logo l = logos.get(i);
            widths[i] = h * l.width() / l.height();
            total += widths[i];
        }
        total += gap * (logos.size() - 1);
        double k = total > maxW ? maxW / total : 1.0;
        double used = total * k;
        double cx = switch (align) {
            case LEFT -> x;
            case CENTER -> x - used / 2;
            case RIGHT -> x - used;
        };
        for (int i = 0; i < logos.size(); i++) {
            double w = widths[i] * k;
            double hh = h * k;
            c.image(logos.get(i), cx, y + (h - hh) / 2, w, hh);
            cx += w + gap * k;
        }
        return used;
    }

    /** Side (mm) of the card's QR as it will be drawn when it may take at most {@code maxMm}. */
    public static double qrSide(CardCanvas c, QrCode qr, double maxMm) {
        return qr == null ? 0 : qr.sideMm(maxMm, c.dpi());
    }

    /** Where the front's QR goes and the horizontal band left to the text beside it (millimetres). */
    public record QrSlot(double x, double y, double side, double textLeft, double textRight) {
        public boolean present() {
            return side > 0;
        }
    }

    /**
     * Places the front's QR following the design (bottom right, bottom left, or centred vertically on the right of the
     * body below {@code top}) inside the safe zone, at most {@code maxMm} (the design's size unless the template asks
     * for less); without a QR the text gets the whole width.
     */
    public static QrSlot qrSlot(CardCanvas c, CardContext ctx, double top, double maxMm) {
        QrCode qr = ctx.qr();
        double w = c.widthMm();
        double h = c.heightMm();
        if (qr == null) {
            return new QrSlot(0, 0, 0, SAFE, w - SAFE);
        }
        double side = qr.sideMm(Math.min(maxMm, ctx.design().qr().size().maxMm()), c.dpi());
        return switch (ctx.design().qr().position()) {
            case BOTTOM_LEFT -> new QrSlot(SAFE, h - SAFE - side, side, SAFE + side + 2, w - SAFE);
            case CENTER -> new QrSlot(w - SAFE - side, top + Math.max(0, (h - SAFE - top - side) / 2), side, SAFE,
                    w - SAFE - side - 2);
            default -> new QrSlot(w - SAFE - side, h - SAFE - side, side, SAFE, w - SAFE - side - 2);
        };
    }

    /** Draws the front's QR in its slot. */
    public static void qr(CardCanvas c, CardContext ctx, QrSlot slot) {
        if (slot.present()) {
            c.qr(ctx.qr(), slot.x(), slot.y(), slot.side() + 1e-6);
        }
    }

    /**
     * Word-wrapped text in at most {@code maxLines} lines of width {@code w} from the baseline {@code firstBaseline};
     * the last line is ellipsized if the text does not fit. Returns the baseline after the last line.
     */
    public static double paragraph(CardCanvas c, String text, Face face, double pt, double x, double firstBaseline,
            double w, int maxLines, double leading, Rgb colour) {
        String[] words = CardFonts.printable(text).strip().split("\\s+");
        double baseline = firstBaseline;
        int i = 0;
        for (int line = 0; line < maxLines && i < words.length; line++) {
            StringBuilder b = new StringBuilder(words[i]);
            int j = i + 1;
            while (j < words.length && CardFonts.widthMm(b + " " + words[j], face, pt, 0) <= w) {
                b.append(' ').append(words[j]);
                j++;
            }
            if (line == maxLines - 1 && j < words.length) {
                for (int k = j; k < words.length; k++) {
                    b.append(' ').append(words[k]);
                }
            }
            c.text(TextFit.fit(b.toString(), face, pt, pt, w), x, baseline, colour);
            baseline += leading;
            i = j;
        }
        return baseline;
    }

    /**
     * Logos on a light plate (so logos made for white paper stay legible on dark designs), {@code pad} mm around them,
     * at most {@code maxW} wide, starting at {@code x} or, {@code fromRight}, ending there; returns the plate's width
     * (0 without logos).
     */
    public static double logoPlate(CardCanvas c, List<Logo> logos, double x, double y, double h, double maxW,
            double pad, double radius, Rgb fill, boolean fromRight) {
        if (logos.isEmpty()) {
            return 0;
        }
        double inner = h - 2;
        double total = 1.5 * (logos.size() - 1);
        for (Logo logo : logos) {
            total += inner * logo.width() / logo.height();
        }
        double pw = Math.min(total, maxW - 2 * pad) + 2 * pad;
        double left = fromRight ? x - pw : x;
        round(c, left, y, pw, h, radius, fill);
        logos(c, logos, left + pad, y + 1, inner, pw - 2 * pad, Align.LEFT);
        return pw;
    }

    /** A name on one line (12 to 9 pt), else on two lines (8.5 to 6.5 pt); returns the last baseline. */
    public static double name(CardCanvas c, String name, double x, double top, double w, Rgb colour) {
        if (!TextFit.fit(name, Face.BOLD, 12, 9, w).ellipsized()) {
            double base = top + CardFonts.capHeightMm(Face.BOLD, 12);
            text(c, name, Face.BOLD, 12, 9, x, base, w, colour, Align.LEFT);
            return base;
        }
        double pt = 8.5;
        while (pt > 6.5 && CardFonts.widthMm(name, Face.BOLD, pt, 0) > 1.85 * w) { // room for wrapping losses
            pt -= 0.5;
        }
        double base = top + CardFonts.capHeightMm(Face.BOLD, 8.5);
        return paragraph(c, name, Face.BOLD, pt, x, base, w, 2, 3.6, colour) - 3.6;
    }
}
