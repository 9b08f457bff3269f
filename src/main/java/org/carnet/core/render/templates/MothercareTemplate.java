package org.carnet.core.render.templates;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Palette;
import org.carnet.core.render.Rgb;

/**
 * {@code mothercare}: pink and teal, for prenatal care and mother-child vaccination. A teal header with a soft wavy
 * bottom edge lined in pink carries the logos on a pale pill, the programme and a round badge with a large pink heart
 * holding a small teal one (mother and child); on the soft pink surface, the name in teal, a white rounded card with
 * date of birth, sex and the attributes, and the MPI id in a teal pill.
 */
public final class MothercareTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#0F7C78", "#FDEFF3", "#E55A8C");

    @Override
    public String id() {
        return "mothercare";
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
        Rgb teal = p.primary();
        Rgb on = p.onPrimary();
        Rgb surface = p.secondary();
        Draw.background(c, surface);
        c.fill(header(w, 1.2), p.accent());
        c.fill(header(w, 0), teal);

        // Badge: mother and child hearts on a pale disc straddling the wave.
        double bx = w - Draw.SAFE - 6;
        double by = 9.6;
        Draw.circle(c, bx, by, 6, surface);
        c.stroke(new Ellipse2D.Double(bx - 6, by - 6, 12, 12), p.accent(), 0.35, null);
        c.fill(heart(bx - 0.7, by - 0.5, 7.2), p.accent());
        c.stroke(heart(bx + 2.2, by + 1.9, 3.4), surface, 0.9, null);
        c.fill(heart(bx + 2.2, by + 1.9, 3.4), teal);

        double x = Draw.SAFE;
        double lw = Draw.logoPlate(c, ctx.logos(), x, Draw.SAFE, 8, 28, 2, 4, surface, false);
        double tx = lw > 0 ? x + lw + 2.5 : x;
        double tw = bx - 8 - tx;
        Draw.text(c, ctx.title(), Face.BOLD, ctx.titlePt(8.5), 6, tx, 6.6, tw, on, Align.LEFT);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")), Face.REGULAR, 6, 5, tx, 10.1, tw, Palette.muted(teal),
                Align.LEFT);

        // Name, the white card of fields beside the QR, the MPI pill at the foot.
        Rgb strong = surface.readable(teal, 4.5);
        double nameBase = Draw.name(c, ctx.data().fullName(), x, 17.6, w - 2 * Draw.SAFE, strong);
        double top = nameBase + 2.6;
        Draw.QrSlot slot = Draw.qrSlot(c, ctx, top, Math.min(24, c.heightMm() - Draw.SAFE - top));
        Draw.qr(c, ctx, slot);
        double l = slot.textLeft();
        double r = slot.textRight();
        double foot = ctx.design().showMpiId() ? h - Draw.SAFE - 5.8 - 1.3 : h - Draw.SAFE;
        List<CardContext.Item> f = new ArrayList<>();
        f.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        f.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        f.addAll(ctx.attributes(4));
        int rows = (f.size() + 1) / 2;
        double pitch = Math.min(5.9, (foot - top - 1.5) / rows);
        Rgb card = surface.mix(Rgb.WHITE, 0.8);
        Draw.round(c, l, top, r - l, rows * pitch + 1.5, 2.2, card);
        double colW = (r - l - 4.6) / 2;
        for (int i = 0; i < f.size(); i++) {
            Draw.field(c, f.get(i).label(), f.get(i).value(), l + 2.2 + (i % 2) * (colW + 0.2), top + 1.5
                    + (i / 2) * pitch, colW - 1.2, Palette.muted(card), card.textOn(), 5.2, 7.5);
        }
        if (ctx.design().showMpiId()) {
            double label = CardFonts.widthMm(ctx.label("card.mpi"), Face.BOLD, 5.2, 0.06);
            double id = CardFonts.widthMm(ctx.data().mpiId(), Face.BOLD, 8, 0.03);
            double pw = Math.min(r - l, label + id + 7.5);
            double py = h - Draw.SAFE - 5.8;
            Draw.round(c, l, py, pw, 5.8, 2.9, teal);
            double lx = Draw.text(c, ctx.label("card.mpi"), Face.BOLD, 5.2, 5, l + 3, py + 3.9, Math.min(label, pw / 3),
                    teal.readable(surface, 4.5), Align.LEFT, 0.06).widthMm();
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 8, 5, l + 4.5 + lx, py + 3.95, pw - lx - 7.5, on, Align.LEFT,
                    0.03);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        // The accent deepened towards the text colour, so the back's small pink headings stay readable.
        Rgb accent = p.accent().mix(p.secondary().textOn(), 0.22);
        new StandardBack(p.primary(), p.onPrimary(), p.secondary(), accent).paint(c, ctx);
    }

    /** The header: the full width, its bottom a soft wave (lower on the left), pushed down by {@code extra} mm. */
    private static Path2D header(double w, double extra) {
        Path2D s = new Path2D.Double();
        s.moveTo(0, 0);
        s.lineTo(w, 0);
        s.lineTo(w, 12.2 + extra);
        s.curveTo(w * 0.64, 17.4 + extra, w * 0.3, 10.0 + extra, 0, 14.2 + extra);
        s.closePath();
        return s;
    }

    /** A heart {@code s} mm wide centred on ({@code cx}, {@code cy}). */
    private static Path2D heart(double cx, double cy, double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(cx, cy - 0.22 * s);
        p.curveTo(cx - 0.06 * s, cy - 0.48 * s, cx - 0.5 * s, cy - 0.52 * s, cx - 0.5 * s, cy - 0.16 * s);
        p.curveTo(cx - 0.5 * s, cy + 0.1 * s, cx - 0.2 * s, cy + 0.26 * s, cx, cy + 0.46 * s);
        p.curveTo(cx + 0.2 * s, cy + 0.26 * s, cx + 0.5 * s, cy + 0.1 * s, cx + 0.5 * s, cy - 0.16 * s);
        p.curveTo(cx + 0.5 * s, cy - 0.52 * s, cx + 0.06 * s, cy - 0.48 * s, cx, cy - 0.22 * s);
        p.closePath();
        return p;
    }
}
