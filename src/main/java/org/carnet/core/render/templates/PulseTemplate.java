package org.carnet.core.render.templates;

import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Fill;
import org.carnet.core.render.Palette;
import org.carnet.core.render.Rgb;

/**
 * {@code pulse}: dark navy and neon cyan, the full card with QR, MPI id and extended data. A faint monitor grid and a
 * glowing ECG trace run under the header (logos on a light chip, programme, subtitle in cyan); below, the name in
 * large white type, the MPI id in neon cyan, then date of birth, sex and up to four attributes on dark tiles in a
 * two-column grid that ends level with the cyan-framed QR.
 */
public final class PulseTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#0A1424", "#14243D", "#22E5F2");
    private static final double TRACE = 15.4;

    @Override
    public String id() {
        return "pulse";
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
        Rgb bg = p.primary();
        Rgb on = p.onPrimary();
        Rgb neon = bg.readable(p.accent(), 4.5);
        Draw.background(c, new Fill.LinearGradient(0, 0, bg, w, h, bg.mix(on.equals(Rgb.WHITE) ? Rgb.BLACK
                : Rgb.WHITE, 0.3)));
        for (double x = 5; x < w; x += 5) {
            Draw.line(c, x, 0, x, h, bg.mix(p.accent(), 0.07), 0.1);
        }
        for (double y = 5; y < h; y += 5) {
            Draw.line(c, 0, y, w, y, bg.mix(p.accent(), 0.07), 0.1);
        }
        trace(c, w, bg, p.accent());

        // Header: logos on a light chip, programme title, subtitle in cyan.
        double x = Draw.SAFE;
        double chip = Draw.logoPlate(c, ctx.logos(), x, Draw.SAFE, 8, 30, 1, 1.2, bg.mix(Rgb.WHITE, 0.94), false);
        double tx = chip > 0 ? x + chip + 2.5 : x;
        Draw.text(c, ctx.title(), Face.BOLD, ctx.titlePt(8.5), 6, tx, 6.7, w - Draw.SAFE - tx, on, Align.LEFT);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")).toUpperCase(java.util.Locale.ROOT), Face.BOLD, 5.2, 5, tx,
                10.3, w - Draw.SAFE - tx, neon, Align.LEFT, 0.12);

        // Name over the full width, then the MPI id and the tiles beside the QR.
        double nameBase = Draw.name(c, ctx.data().fullName(), x, 19.2, w - 2 * Draw.SAFE, on);
        Draw.QrSlot slot = Draw.qrSlot(c, ctx, nameBase + 2, Math.min(24, h - Draw.SAFE - nameBase - 2));
        Draw.qr(c, ctx, slot);
        if (slot.present()) {
            c.stroke(new RoundRectangle2D.Double(slot.x() - 0.7, slot.y() - 0.7, slot.side() + 1.4, slot.side() + 1.4,
                    1.4, 1.4), p.accent(), 0.3, null);
        }
        double l = slot.textLeft();
        double r = slot.textRight();
        double y = nameBase + 2.4;
        if (ctx.design().showMpiId()) {
            boolean free = !slot.present() || slot.y() >= nameBase + 6.5;
            double mx = free ? x : l;
            double mw = (free ? w - Draw.SAFE : r) - mx;
            Rgb soft = Palette.muted(bg);
            double lw = Draw.text(c, ctx.label("card.mpi"), Face.REGULAR, 5.2, 5, mx, nameBase + 5.2, mw * 0.3, soft,
                    Align.LEFT, 0.06).widthMm();
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 9.5, 6, mx + lw + 1.8, nameBase + 5.2, mw - lw - 1.8, neon,
                    Align.LEFT, 0.06);
            y = nameBase + 7.4;
        }
        List<CardContext.Item> f = new ArrayList<>();
        f.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        f.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        f.addAll(ctx.attributes(4));
        int rows = (f.size() + 1) / 2;
        double pitch = Math.min(6.9, (h - Draw.SAFE - y + 0.6) / rows);
        y = h - Draw.SAFE - rows * pitch + 0.6;
        double colW = (r - l - 1.6) / 2;
        Rgb tile = p.secondary();
        for (int i = 0; i < f.size(); i++) {
            double tx0 = l + (i % 2) * (colW + 1.6);
            double ty = y + (i / 2) * pitch;
            Draw.round(c, tx0, ty, colW, pitch - 0.6, 0.8, tile);
            Draw.rect(c, tx0, ty + 1.0, 0.5, pitch - 2.6, p.accent());
            Draw.field(c, f.get(i).label(), f.get(i).value(), tx0 + 1.8, ty + (pitch - 4.7) / 2, colW - 2.8,
                    Palette.muted(tile), tile.textOn(), 5.0, 7.0);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(p.secondary(), p.onSecondary(), p.primary(), p.accent()).paint(c, ctx);
    }

    /** The glowing ECG trace across the card: two heartbeats, drawn wide and dim, then thinner and brighter. */
    private static void trace(CardCanvas c, double w, Rgb bg, Rgb neon) {
        Path2D t = new Path2D.Double();
        t.moveTo(0, TRACE);
        for (double x0 : new double[] {33, 59}) {
            t.lineTo(x0, TRACE);
            t.quadTo(x0 + 1.5, TRACE - 1.6, x0 + 3, TRACE);
            t.lineTo(x0 + 4.2, TRACE);
            t.lineTo(x0 + 4.8, TRACE + 0.8);
            t.lineTo(x0 + 5.8, TRACE - 3.4);
            t.lineTo(x0 + 6.8, TRACE + 1.5);
            t.lineTo(x0 + 7.5, TRACE);
            t.lineTo(x0 + 9.4, TRACE);
            t.quadTo(x0 + 11.2, TRACE - 2.2, x0 + 13, TRACE);
        }
        t.lineTo(w, TRACE);
        c.stroke(t, bg.mix(neon, 0.16), 1.5, null);
        c.stroke(t, bg.mix(neon, 0.4), 0.8, null);
        c.stroke(t, neon, 0.3, null);
    }
}
