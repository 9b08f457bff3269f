package org.carnet.core.render.templates;

import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardDesign.QrPosition;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Palette;
import org.carnet.core.render.QrCode;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.TextFit;

/**
 * {@code nomad}: black and orange, for pastoral populations, made to be read outdoors in full sun. An orange header
 * with a woven triangle fringe and a rising-sun motif carries the logos and the programme in black; on the black body
 * the name in large white type, a few large fields with orange labels and the MPI id on an orange tag. The QR is the
 * hero: a quarter larger than the design's size, framed in orange.
 */
public final class NomadTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#111111", "#F47B20", "#FFA94D");
    private static final double BAND = 12.5;
    private static final double FRINGE = 1.6;
    /** Gap between the QR and the text beside it (the orange frame takes part of it). */
    private static final double GAP = 3.6;

    @Override
    public String id() {
        return "nomad";
    }

    @Override
    public Palette defaults() {
        return PALETTE;
    }

    @Override
    public void front(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        double w = c.widthMm();
        double h = c.heightMm();
        Rgb body = p.primary();
        Rgb band = p.secondary();
        Rgb onBand = band.textOn();
        Draw.background(c, body);
        Draw.rect(c, 0, 0, w, BAND, band);
        c.fill(fringe(w, BAND, FRINGE), band);
        double x = Draw.SAFE;
        double used = Draw.logos(c, ctx.logos(), x, 2.4, 7.6, 26, Align.LEFT);
        if (used > 0) {
            x += used + 2.5;
        }
        double titleW = w - Draw.SAFE - x;
        String subtitle = ctx.subtitle(ctx.label("card.health"));
        // A sun rising over the plain at the band's right end, a half disc and its rays, if the titles leave room.
        double sx = w - 15;
        if (x + Math.max(TextFit.fit(ctx.title(), Face.BOLD, ctx.titlePt(10), 6, titleW).widthMm(),
                TextFit.fit(subtitle, Face.REGULAR, 6.5, 5, titleW).widthMm()) < sx - 9) {
            Rgb sun = band.mix(onBand, 0.12);
            c.fill(new Arc2D.Double(sx - 4, BAND - 4, 8, 8, 0, 180, Arc2D.PIE), sun);
            for (int i = 0; i < 7; i++) {
                double a = Math.PI * (i + 0.5) / 7;
                Draw.line(c, sx + 5.3 * Math.cos(a), BAND - 5.3 * Math.sin(a), sx + 7.6 * Math.cos(a),
                        BAND - 7.6 * Math.sin(a), sun, 0.8);
            }
        }
        Draw.text(c, ctx.title(), Face.BOLD, ctx.titlePt(10), 6, x, 6.4, titleW, onBand, Align.LEFT);
        Draw.text(c, subtitle, Face.REGULAR, 6.5, 5, x, 10.2, titleW, Palette.muted(band), Align.LEFT);

        Draw.QrSlot slot = slot(c, ctx, BAND + FRINGE + 1.5);
        if (slot.present()) {
            Draw.round(c, slot.x() - 1.3, slot.y() - 1.3, slot.side() + 2.6, slot.side() + 2.6, 1.8, p.accent());
            Draw.qr(c, ctx, slot);
        }
        Rgb text = body.textOn();
        Rgb label = p.accentOn(body);
        double left = slot.textLeft();
        double right = slot.textRight();
        // The name may run over the QR's column when it ends above the QR's frame.
        double qrTop = !slot.present() ? h : ctx.design().qr().position() == QrPosition.CENTER ? 0 : slot.y() - 1.8;
        double nameBase = name(c, ctx.data().fullName(), BAND + FRINGE + 2.8, qrTop, left, right, w, text);

        List<CardContext.Item> items = new ArrayList<>();
        items.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        items.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        int cols = right - left > 66 ? 3 : 2;
        items.addAll(ctx.attributes(cols == 3 ? 4 : 2));
        double colW = (right - left - 3 * (cols - 1)) / cols;
        double y = nameBase + 3.2;
        double limit = h - Draw.SAFE - (ctx.design().showMpiId() ? 14.8 : 6.2);
        for (int i = 0; i < items.size() && y + (i / cols) * 6.4 <= limit; i++) {
            CardContext.Item it = items.get(i);
            Draw.field(c, it.label(), it.value(), left + (i % cols) * (colW + 3), y + (i / cols) * 6.4, colW, label,
                    text, 5.8, 9);
        }

        if (ctx.design().showMpiId()) {
            double tagTop = h - Draw.SAFE - 5.4;
            Draw.text(c, ctx.label("card.mpi"), Face.BOLD, 5.6, 5, left, tagTop - 1.3, right - left, label,
                    Align.LEFT, 0.08);
            var run = TextFit.fit(ctx.data().mpiId(), Face.BOLD, 9, 6, right - left - 3.2, 0.02);
            Draw.round(c, left, tagTop, run.widthMm() + 3.2, 5.4, 1.2, p.accent());
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 9, 6, left + 1.6,
                    tagTop + 2.7 + CardFonts.capHeightMm(Face.BOLD, run.sizePt()) / 2, right - left - 3.2,
                    p.accent().textOn(), Align.LEFT, 0.02);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(p.primary(), p.onPrimary(), Rgb.WHITE, p.secondary()).paint(c, ctx);
        c.fill(fringe(c.widthMm(), 11.0, 1.3), p.secondary());
    }

    /** A row of triangles hanging from {@code y}, {@code depth} deep, across the card. */
    private static Path2D fringe(double w, double y, double depth) {
        Path2D fringe = new Path2D.Double();
        for (double x = 0; x < w; x += 2 * depth) {
            fringe.moveTo(x, y - 0.4);
            fringe.lineTo(x + 2 * depth, y - 0.4);
            fringe.lineTo(x + depth, y + depth);
            fringe.closePath();
        }
        return fringe;
    }

    /** The design's QR slot, the QR up to a quarter larger than the design's size (it is this card's hero). */
    private static Draw.QrSlot slot(CardCanvas c, CardContext ctx, double top) {
        QrCode qr = ctx.qr();
        double w = c.widthMm();
        double h = c.heightMm();
        double s = Draw.SAFE;
        if (qr == null) {
            return new Draw.QrSlot(0, 0, 0, s, w - s);
        }
        double side = qr.sideMm(Math.min(ctx.design().qr().size().maxMm() * 1.25, h - s - top), c.dpi());
        return switch (ctx.design().qr().position()) {
            case BOTTOM_LEFT -> new Draw.QrSlot(s, h - s - side, side, s + side + GAP, w - s);
            case CENTER -> new Draw.QrSlot(w - s - side, top + Math.max(0, (h - s - top - side) / 2), side, s,
                    w - s - side - GAP);
            default -> new Draw.QrSlot(w - s - side, h - s - side, side, s, w - s - side - GAP);
        };
    }

    /**
     * The name in one line (14 down to 10 pt), else wrapped in two, across the card when it ends above {@code qrTop},
     * else between {@code left} and {@code right}; returns the last baseline.
     */
    private static double name(CardCanvas c, String name, double top, double qrTop, double left, double right,
            double w, Rgb colour) {
        boolean wide = qrTop > top + 4.8;
        double x = wide ? Draw.SAFE : left;
        double base = top + CardFonts.capHeightMm(Face.BOLD, 14);
        if (!TextFit.fit(name, Face.BOLD, 14, 10, wide ? w - 2 * Draw.SAFE : right - left).ellipsized()) {
            Draw.text(c, name, Face.BOLD, 14, 10, x, base, wide ? w - 2 * Draw.SAFE : right - left, colour,
                    Align.LEFT);
            return base;
        }
        wide = qrTop > top + 7.6;
        return Draw.paragraph(c, name, Face.BOLD, 9.5, wide ? Draw.SAFE : left,
                top + CardFonts.capHeightMm(Face.BOLD, 9.5), wide ? w - 2 * Draw.SAFE : right - left, 2, 4.0,
                colour) - 4.0;
    }
}
