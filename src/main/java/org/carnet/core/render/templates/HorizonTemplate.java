package org.carnet.core.render.templates;

import java.awt.geom.Ellipse2D;
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
import org.carnet.core.render.Fill;
import org.carnet.core.render.Palette;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.TextFit;

/**
 * {@code horizon}: premium, a deep indigo to light blue gradient across the whole card. The programme and a thin light
 * rule at the top, the logos on the right; the name large in a light weight; the fields in two quiet columns; at the
 * foot a darker curved horizon edged with a thin light line holds the MPI id, spaced like a card number. Every text
 * colour is chosen against the gradient under it.
 */
public final class HorizonTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#1E1B4B", "#7DB8F0", "#DCEBFF");
    private static final double RULE = 13.4;
    /** Top of the horizon at the card's centre, its radius (it drops about 5 mm at the edges). */
    private static final double RISE = 12.6;
    private static final double RADIUS = 180;

    @Override
    public String id() {
        return "horizon";
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
        Rgb from = p.primary();
        Rgb to = p.secondary();
        Draw.background(c, new Fill.LinearGradient(0, 0, from, w, 0, to));
        Rgb lowFrom = from.mix(from.textOn().equals(Rgb.WHITE) ? Rgb.BLACK : Rgb.WHITE, 0.3);
        Rgb lowTo = from.mix(to, 0.5);
        Ellipse2D earth = new Ellipse2D.Double(w / 2 - RADIUS, h - RISE, 2 * RADIUS, 2 * RADIUS);
        c.fill(earth, new Fill.LinearGradient(0, 0, lowFrom, w, 0, lowTo));
        c.stroke(earth, p.accent(), 0.25, null);
        Rgb rule = from.mix(p.accent(), 0.55);
        Draw.line(c, Draw.SAFE, RULE, w - Draw.SAFE, RULE, rule, 0.2);

        double logoW = Draw.logos(c, ctx.logos(), w - Draw.SAFE, 2.6, 7.6, 28, Align.RIGHT);
        double titleW = w - 2 * Draw.SAFE - (logoW > 0 ? logoW + 3 : 0);
        double tpt = ctx.titlePt(9);
        text(c, p, ctx.title(), Face.BOLD, tpt, 6, Draw.SAFE, 3.4 + CardFonts.capHeightMm(Face.BOLD, tpt), titleW,
                false, 0.04);
        text(c, p, ctx.subtitle(ctx.label("card.health")), Face.REGULAR, 6.2, 5, Draw.SAFE, 10.3, titleW, true,
                0.02);

        Draw.QrSlot slot = Draw.qrSlot(c, ctx, RULE + 2.5, 22);
        Draw.qr(c, ctx, slot);
        double left = slot.textLeft();
        double right = slot.textRight();
        double nameTop = RULE + 3.2;
        double qrTop = !slot.present() ? h : ctx.design().qr().position() == QrPosition.CENTER ? 0 : slot.y() - 1;
        boolean wide = qrTop > nameTop + 5.2;
        double nameX = wide ? Draw.SAFE : left;
        double nameW = wide ? w - 2 * Draw.SAFE : right - left;
        double nameBase = nameTop + CardFonts.capHeightMm(Face.REGULAR, 16);
        String name = ctx.data().fullName();
        if (!TextFit.fit(name, Face.REGULAR, 16, 11, nameW).ellipsized()) {
            text(c, p, name, Face.REGULAR, 16, 11, nameX, nameBase, nameW, false, 0.01);
        } else {
            wide = qrTop > nameTop + 8;
            nameX = wide ? Draw.SAFE : left;
            nameW = wide ? w - 2 * Draw.SAFE : right - left;
            nameBase = Draw.paragraph(c, name, Face.REGULAR, 10, nameX, nameTop + CardFonts.capHeightMm(Face.REGULAR,
                    10), nameW, 2, 4.2, ink(p, c.widthMm(), nameX, nameX + nameW)) - 4.2;
        }

        List<CardContext.Item> items = new ArrayList<>();
        items.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        items.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        items.addAll(ctx.attributes(2));
        double colW = Math.min(27, (right - left - 3) / 2);
        double y = nameBase + 3.4;
        for (int i = 0; i < items.size() && y + (i / 2) * 6.2 + 5.4 < h - RISE - 0.8; i++) {
            double x = left + (i % 2) * (colW + 3);
            CardContext.Item it = items.get(i);
            Rgb value = ink(p, w, x, x + colW);
            Draw.field(c, it.label(), it.value(), x, y + (i / 2) * 6.2, colW, soft(p, w, x, x + colW, value), value,
                    5.2, 7.8);
        }

        if (ctx.design().showMpiId()) {
            Palette low = new Palette(lowFrom, lowTo, p.accent());
            double base = h - Draw.SAFE - 0.4;
            String label = ctx.label("card.mpi");
            double lw = Math.min(CardFonts.widthMm(label, Face.REGULAR, 5.4, 0.08), (right - left) / 3);
            text(c, low, label, Face.REGULAR, 5.4, 5, left, base, lw, true, 0.08);
            text(c, low, ctx.data().mpiId(), Face.BOLD, 8.5, 6, left + lw + 2, base, right - left - lw - 2, false,
                    0.1);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        Rgb end = p.primary().mix(p.secondary(), 0.5);
        Fill band = new Fill.LinearGradient(0, 0, p.primary(), c.widthMm(), 0, end);
        new StandardBack(band, ink(new Palette(p.primary(), end, p.accent()), 1, 0, 1), Rgb.of("#F5F8FD"),
                p.primary().mix(p.secondary(), 0.4)).paint(c, ctx);
    }

    /** Fits a line and draws it in the colour that reads best over the part of the gradient {@code p} it covers. */
    private static void text(CardCanvas c, Palette p, String s, Face face, double max, double min, double x,
            double base, double maxW, boolean muted, double tracking) {
        double tw = TextFit.fit(s, face, max, min, maxW, tracking).widthMm();
        Rgb colour = ink(p, c.widthMm(), x, x + tw);
        Draw.text(c, s, face, max, min, x, base, maxW, muted ? soft(p, c.widthMm(), x, x + tw, colour) : colour,
                Align.LEFT, tracking);
    }

    /**
     * The text colour that keeps the highest contrast over the gradient primary→secondary between x0 and x1: the text
     * colour of either end, or the darker end's colour deepened (an indigo ink that belongs to the card).
     */
    private static Rgb ink(Palette p, double w, double x0, double x1) {
        Rgb a = p.primary().mix(p.secondary(), x0 / w);
        Rgb b = p.primary().mix(p.secondary(), x1 / w);
        Rgb deep = (p.primary().luminance() < p.secondary().luminance() ? p.primary() : p.secondary()).mix(Rgb.BLACK,
                0.6);
        Rgb best = a.textOn();
        for (Rgb t : List.of(b.textOn(), deep)) {
            if (Math.min(a.contrast(t), b.contrast(t)) > Math.min(a.contrast(best), b.contrast(best))) {
                best = t;
            }
        }
        return best;
    }

    /** {@code text} moved a third towards the gradient, if it keeps 4.5:1 over the whole span. */
    private static Rgb soft(Palette p, double w, double x0, double x1, Rgb text) {
        Rgb a = p.primary().mix(p.secondary(), x0 / w);
        Rgb b = p.primary().mix(p.secondary(), x1 / w);
        Rgb m = text.mix(a.mix(b, 0.5), 0.3);
        return Math.min(a.contrast(m), b.contrast(m)) >= 4.5 ? m : text;
    }
}
