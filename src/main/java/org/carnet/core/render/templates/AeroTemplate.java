package org.carnet.core.render.templates;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardDesign.QrPosition;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Palette;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.TextFit;

/**
 * {@code aero}: navy and amber, for reinforced vaccination and field campaigns. On navy, a header with the logos, the
 * programme in strong capitals and three amber chevrons pointing forward, closed by an amber-and-navy diagonal
 * campaign stripe; below, the name, compact data in a tight grid, the MPI id behind an amber bar, and faint diagonal
 * stripes sweeping up from the bottom corner.
 */
public final class AeroTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#0B1F3A", "#EEF2F8", "#FFB400");
    private static final double HEADER = 13.2;
    private static final double STRIPE = 2.2;
    private static final double ROW = 5.5;

    @Override
    public String id() {
        return "aero";
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
        Rgb navy = p.primary();
        Rgb on = p.onPrimary();
        Rgb amber = p.accent();
        Draw.background(c, navy);
        // Faint wide stripes sweeping up from the bottom right corner, under everything else.
        Rgb faint = navy.mix(on, 0.06);
        for (int i = 0; i < 3; i++) {
            double x0 = w - 30 + i * 11;
            c.fill(poly(x0, h, x0 + 6, h, x0 + 6 + 26, h - 26, x0 + 26, h - 26), faint);
        }
        // Campaign stripe under the header: amber with navy diagonals.
        Draw.rect(c, 0, HEADER, w, STRIPE, amber);
        for (double x = -STRIPE; x < w; x += 3.4) {
            c.fill(poly(x, HEADER + STRIPE, x + 1.5, HEADER + STRIPE, x + 1.5 + STRIPE, HEADER, x + STRIPE, HEADER),
                    navy);
        }
        double x = Draw.SAFE;
        double used = Draw.logos(c, ctx.logos(), x, 2.6, 7.6, 26, Align.LEFT);
        if (used > 0) {
            x += used + 2.5;
        }
        // Three chevrons pointing forward at the header's right end, fading into the navy, when the title leaves room.
        String title = ctx.title().toUpperCase(Locale.ROOT);
        double chevronX = w - Draw.SAFE - 12.5;
        double titleW = chevronX - 2 - x;
        if (TextFit.fit(title, Face.BOLD, ctx.titlePt(9.5), 6.5, titleW, 0.03).ellipsized()) {
            titleW = w - Draw.SAFE - x;
        } else {
            for (int i = 0; i < 3; i++) {
                c.fill(chevron(chevronX + i * 3.9, 3.4, 2.0, 3.0, 6.4), amber.mix(navy, 0.6 - i * 0.3));
            }
        }
        Draw.text(c, title, Face.BOLD, ctx.titlePt(9.5), 6, x, 6.9, titleW, on, Align.LEFT, 0.03);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")), Face.BOLD, 6, 5, x, 10.7, titleW, p.accentOn(navy),
                Align.LEFT, 0.02);

        double top = HEADER + STRIPE;
        Draw.QrSlot slot = Draw.qrSlot(c, ctx, top + 1.5, 24);
        Draw.qr(c, ctx, slot);
        double left = slot.textLeft();
        double right = slot.textRight();
        double nameTop = top + 2.6;
        double nameBase = nameTop + CardFonts.capHeightMm(Face.BOLD, 12.5);
        boolean wide = !slot.present() || ctx.design().qr().position() != QrPosition.CENTER
                && slot.y() > nameBase + 5.5;
        double nameX = wide ? Draw.SAFE : left;
        double nameW = wide ? w - 2 * Draw.SAFE : right - left;
        if (!TextFit.fit(ctx.data().fullName(), Face.BOLD, 12.5, 8.5, nameW).ellipsized()) {
            Draw.text(c, ctx.data().fullName(), Face.BOLD, 12.5, 8.5, nameX, nameBase, nameW, on, Align.LEFT);
        } else {
            nameBase = Draw.paragraph(c, ctx.data().fullName(), Face.BOLD, 8.5, nameX,
                    nameTop + CardFonts.capHeightMm(Face.BOLD, 8.5), nameW, 2, 3.6, on) - 3.6;
        }

        List<CardContext.Item> items = new ArrayList<>();
        items.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        items.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        items.addAll(ctx.attributes(4));
        int cols = right - left >= 66 ? 3 : 2;
        double gap = 2.5;
        double colW = (right - left - gap * (cols - 1)) / cols;
        double y = nameBase + 2.6;
        double limit = h - Draw.SAFE - (ctx.design().showMpiId() ? 13.5 : 5);
        Rgb label = Palette.muted(navy);
        for (int i = 0; i < items.size() && y + (i / cols) * ROW <= limit; i++) {
            CardContext.Item it = items.get(i);
            Draw.field(c, it.label(), it.value(), left + (i % cols) * (colW + gap), y + (i / cols) * ROW, colW,
                    label, on, 5, 7.2);
        }

        if (ctx.design().showMpiId()) {
            double base = h - Draw.SAFE;
            Draw.rect(c, left, base - 7.4, 0.9, 7.4, amber);
            Draw.text(c, ctx.label("card.mpi"), Face.BOLD, 5.2, 5, left + 2.2, base - 4.4, right - left - 2.2,
                    p.accentOn(navy), Align.LEFT, 0.08);
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 9, 6, left + 2.2, base, right - left - 2.2, on, Align.LEFT,
                    0.03);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(p.primary(), p.onPrimary(), p.secondary(), p.accent()).paint(c, ctx);
    }

    /** A chevron pointing right: {@code t} thick, {@code a} deep, {@code hh} tall, its back top corner at (x, y). */
    private static Path2D chevron(double x, double y, double t, double a, double hh) {
        return poly(x, y, x + t, y, x + t + a, y + hh / 2, x + t, y + hh, x, y + hh, x + a, y + hh / 2);
    }

    private static Path2D poly(double... xy) {
        Path2D path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
