package org.carnet.core.render.templates;

import java.awt.geom.Path2D;
import java.util.List;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Fill;
import org.carnet.core.render.Palette;
import org.carnet.core.render.Rgb;

/**
 * {@code emerald}: forest green, an intermediate card with programme fields. A deep-green side panel with a gently
 * curved, lime-edged border and a faint leaf holds the logos (on a light plate), the programme title and subtitle and
 * the MPI id; the light right side carries the name, date of birth and sex and four attributes, in two columns when
 * the QR leaves room, else in one column beside it, and the validity date at the foot.
 */
public final class EmeraldTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#14532D", "#F5F9F3", "#9BD46A");
    /** Width of the side panel; its curved edge swings about one millimetre either side. */
    private static final double PANEL = 28;
    private static final double ROW = 6.1;

    @Override
    public String id() {
        return "emerald";
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
        Rgb on = p.onPrimary();
        Draw.background(c, p.secondary());
        leaf(c, w - 9, 4, w + 9, 20, p.secondary().mix(p.primary(), 0.05));
        c.fill(edge(h, 0, true), new Fill.LinearGradient(0, 0, p.primary(), 0, h, away(p.primary(), on, 0.22)));
        c.stroke(edge(h, 1.1, false), p.accent(), 0.5, null);
        leaf(c, 2, h - 4, 22, h - 22, p.primary().mix(on, 0.08));

        // Panel: logos, programme title and subtitle, MPI id at the foot.
        double px = Draw.SAFE;
        double pw = PANEL - 2 * Draw.SAFE;
        double y = Draw.SAFE + 0.3;
        if (!ctx.logos().isEmpty()) { // on a light plate, so that logos made for paper stay legible
            Draw.round(c, px, y, pw, 9.6, 1.4, p.secondary());
            Draw.logos(c, ctx.logos(), px + pw / 2, y + 1.3, 7, pw - 2.6, Align.CENTER);
            y += 9.6 + 3.2;
        }
        double pt = ctx.titlePt(7.2);
        double lead = pt * 0.3528 * 1.2;
        double end = Draw.paragraph(c, ctx.title(), Face.BOLD, pt, px, y + CardFonts.capHeightMm(Face.BOLD, pt), pw,
                ctx.logos().isEmpty() ? 4 : 3, lead, on);
        Rgb soft = Palette.muted(p.primary());
        Draw.paragraph(c, ctx.subtitle(ctx.label("card.health")), Face.REGULAR, 5.6, px, end - lead + 3.4, pw, 2,
                2.4, soft);
        if (ctx.design().showMpiId()) {
            double base = h - Draw.SAFE;
            Draw.rect(c, px, base - 8.4, 6, 0.5, p.accent());
            Draw.text(c, ctx.label("card.mpi"), Face.BOLD, 5.2, 5, px, base - 4.1, pw,
                    p.primary().readable(p.accent(), 4.5), Align.LEFT, 0.08);
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 7.5, 5, px, base, pw, on, Align.LEFT, 0.02);
        }

        // Light side: name, then the fields.
        double left = PANEL + 5;
        double right = w - Draw.SAFE;
        Rgb surface = p.secondary();
        Rgb ink = surface.textOn();
        Rgb muted = Palette.muted(surface);
        Rgb strong = surface.readable(p.primary(), 4.5);
        double nameBase = Draw.name(c, ctx.data().fullName(), left, Draw.SAFE + 0.6, right - left, strong);
        Draw.rect(c, left, nameBase + 2.2, 9, 0.7, surface.readable(p.accent(), 1.6));
        double top = nameBase + 4.8;

        Draw.QrSlot slot = Draw.qrSlot(c, ctx, top, Math.min(24, h - Draw.SAFE - top));
        if (slot.present() && ctx.design().qr().position() == CardDesign.QrPosition.BOTTOM_LEFT) { // light side
            slot = new Draw.QrSlot(left, slot.y(), slot.side(), left + slot.side() + 2, right);
        }
        Draw.qr(c, ctx, slot);
        double l = Math.max(left, slot.textLeft());
        double r = slot.textRight();
        boolean free = !slot.present() || slot.y() >= top + 6;
        grid(c, List.of(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())),
                new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel())), free ? left : l, free ? right : r,
                top, 2, muted, ink);
        List<CardContext.Item> attrs = ctx.attributes(4);
        int rows = 1 + (attrs.size() + 1) / 2;
        if (!slot.present() || slot.y() >= top + (rows - 1) * ROW + 6) {
            grid(c, attrs, left, right, top + ROW, 2, muted, ink);
        } else {
            rows = 1 + attrs.size();
            grid(c, attrs, l, r, top + ROW, 1, muted, ink);
        }
        // Validity at the foot of the text column, level with the QR's bottom, when the fields leave room.
        double validTop = h - Draw.SAFE - ROW + 1.2;
        if (top + rows * ROW <= validTop) {
            grid(c, List.of(new CardContext.Item("valid", ctx.label("card.valid"), ctx.date(ctx.data().validUntil()))),
                    l, r, validTop, 1, muted, strong);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        Fill band = new Fill.LinearGradient(0, 0, p.primary(), c.widthMm(), 0, away(p.primary(), p.onPrimary(), 0.22));
        new StandardBack(band, p.onPrimary(), p.secondary(), p.accent()).paint(c, ctx);
    }

    /** Label/value fields in {@code cols} columns between {@code x0} and {@code x1}, rows {@link #ROW} apart. */
    private static void grid(CardCanvas c, List<CardContext.Item> fields, double x0, double x1, double y, int cols,
            Rgb label, Rgb value) {
        double colW = (x1 - x0 - 2.5 * (cols - 1)) / cols;
        for (int i = 0; i < fields.size(); i++) {
            CardContext.Item f = fields.get(i);
            Draw.field(c, f.label(), f.value(), x0 + (i % cols) * (colW + 2.5), y + (i / cols) * ROW, colW, label,
                    value, 5.2, 7.6);
        }
    }

    /** The panel's curved right edge moved {@code dx} mm right, closed into the panel's shape when {@code closed}. */
    private static Path2D edge(double h, double dx, boolean closed) {
        Path2D s = new Path2D.Double();
        s.moveTo(PANEL + dx, 0);
        s.curveTo(PANEL + 3 + dx, h * 0.35, PANEL - 3 + dx, h * 0.65, PANEL + 1 + dx, h);
        if (closed) {
            s.lineTo(0, h);
            s.lineTo(0, 0);
            s.closePath();
        }
        return s;
    }

    /** A leaf from base ({@code x1}, {@code y1}) to tip ({@code x2}, {@code y2}). */
    private static void leaf(CardCanvas c, double x1, double y1, double x2, double y2, Rgb colour) {
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        double nx = -(y2 - y1) * 0.32;
        double ny = (x2 - x1) * 0.32;
        Path2D leaf = new Path2D.Double();
        leaf.moveTo(x1, y1);
        leaf.quadTo(mx + nx, my + ny, x2, y2);
        leaf.quadTo(mx - nx, my - ny, x1, y1);
        leaf.closePath();
        c.fill(leaf, colour);
    }

    /** {@code bg} moved away from its text colour, so a gradient towards it never loses contrast. */
    private static Rgb away(Rgb bg, Rgb text, double t) {
        return bg.mix(text.equals(Rgb.WHITE) ? Rgb.BLACK : Rgb.WHITE, t);
    }
}
