package org.carnet.core.render.templates;

import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
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
 * {@code shield}: slate and gold, formal, for social protection. A double gold frame inside the safe zone; a gold
 * shield with a star beside the programme title and the subtitle in gold capitals, logos on a light plate; the name
 * on a deep slate bar between gold rules, as in a passport; date of birth, sex and the attributes in two columns; the
 * MPI id in gold at the foot; the QR kept inside the frame.
 */
public final class ShieldTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#314055", "#1F2836", "#D8B45C");
    /** Content inset: the frame sits on the safe-zone line, content 2 mm inside it. */
    private static final double IN = Draw.SAFE + 2;

    @Override
    public String id() {
        return "shield";
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
        Rgb gold = bg.readable(p.accent(), 4.5);
        Rgb soft = Palette.muted(bg);
        Draw.background(c, new Fill.LinearGradient(0, 0, bg, w, h, bg.mix(on.equals(Rgb.WHITE) ? Rgb.BLACK
                : Rgb.WHITE, 0.18)));
        c.stroke(new RoundRectangle2D.Double(Draw.SAFE, Draw.SAFE, w - 2 * Draw.SAFE, h - 2 * Draw.SAFE, 2, 2),
                p.accent(), 0.35, null);
        c.stroke(new RoundRectangle2D.Double(Draw.SAFE + 0.8, Draw.SAFE + 0.8, w - 2 * Draw.SAFE - 1.6,
                h - 2 * Draw.SAFE - 1.6, 1.4, 1.4), bg.mix(p.accent(), 0.45), 0.12, null);

        // Header: shield emblem, title and subtitle, logos on the right.
        shield(c, IN, IN + 0.2, 7.6, p.accent(), bg);
        double logoW = Draw.logoPlate(c, ctx.logos(), w - IN, IN, 9, 26, 1, 0.8, bg.mix(Rgb.WHITE, 0.94), true);
        double tx = IN + 10;
        double tw = w - IN - (logoW > 0 ? logoW + 2.5 : 0) - tx;
        Draw.text(c, ctx.title(), Face.BOLD, ctx.titlePt(8.5), 6, tx, IN + 3.7, tw, on, Align.LEFT);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")).toUpperCase(java.util.Locale.ROOT), Face.REGULAR, 5.4, 5,
                tx, IN + 7.7, tw, gold, Align.LEFT, 0.14);

        // Name bar between gold rules, across the frame.
        String name = ctx.data().fullName();
        boolean two = org.carnet.core.render.TextFit.fit(name, Face.BOLD, 11.5, 8.5, w - 2 * IN).ellipsized();
        double barY = IN + 11.8;
        double barH = two ? 10.2 : 7.2;
        Rgb bar = p.secondary();
        Draw.rect(c, Draw.SAFE + 0.8, barY, w - 2 * Draw.SAFE - 1.6, barH, bar);
        Draw.line(c, Draw.SAFE + 0.8, barY, w - Draw.SAFE - 0.8, barY, p.accent(), 0.25);
        Draw.line(c, Draw.SAFE + 0.8, barY + barH, w - Draw.SAFE - 0.8, barY + barH, p.accent(), 0.25);
        if (two) {
            Draw.paragraph(c, name, Face.BOLD, 8.5, IN, barY + 2.0 + CardFonts.capHeightMm(Face.BOLD, 8.5),
                    w - 2 * IN, 2, 3.6, bar.textOn());
        } else {
            Draw.text(c, name, Face.BOLD, 11.5, 8.5, IN, barY + (barH + CardFonts.capHeightMm(Face.BOLD, 11.5)) / 2,
                    w - 2 * IN, bar.textOn(), Align.LEFT);
        }

        // Fields beside the QR, the MPI id at the foot.
        double top = barY + barH + 1.8;
        Draw.QrSlot slot = inset(c, ctx, Draw.qrSlot(c, ctx, top, Math.min(24, h - IN - top)));
        Draw.qr(c, ctx, slot);
        double l = slot.textLeft();
        double r = slot.textRight();
        double foot = h - IN;
        if (ctx.design().showMpiId()) {
            double lw = Draw.text(c, ctx.label("card.mpi"), Face.REGULAR, 5.4, 5, l, foot, (r - l) * 0.3, soft,
                    Align.LEFT, 0.1).widthMm();
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 9, 6, l + lw + 2, foot, r - l - lw - 2, gold, Align.LEFT,
                    0.05);
            foot -= CardFonts.capHeightMm(Face.BOLD, 9) + 2.2;
        }
        List<CardContext.Item> f = new ArrayList<>();
        f.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        f.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        f.addAll(ctx.attributes(4));
        int rows = (f.size() + 1) / 2;
        double pitch = Math.min(6.0, (foot - top + 1.2) / rows);
        double colW = (r - l - 3) / 2;
        for (int i = 0; i < f.size(); i++) {
            double x = l + (i % 2) * (colW + 3);
            if (i % 2 == 1) {
                Draw.line(c, x - 1.5, top + (i / 2) * pitch, x - 1.5, top + (i / 2) * pitch + 4.4, soft.mix(bg, 0.6),
                        0.15);
            }
            Draw.field(c, f.get(i).label(), f.get(i).value(), x, top + (i / 2) * pitch, colW, soft, on, 5.2, 7.5);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(p.secondary(), p.onSecondary(), p.primary(), p.accent()).paint(c, ctx);
    }

    /** The design's QR slot moved 2 mm further in, inside the gold frame. */
    private static Draw.QrSlot inset(CardCanvas c, CardContext ctx, Draw.QrSlot s) {
        double d = IN - Draw.SAFE;
        boolean centre = ctx.design().qr().position() == CardDesign.QrPosition.CENTER;
        double x = s.x() + (s.x() < c.widthMm() / 2 ? d : -d);
        return new Draw.QrSlot(x, s.y() - (centre ? d / 2 : d), s.side(), s.textLeft() + d, s.textRight() - d);
    }

    /** A gold heater shield {@code s} mm wide at ({@code x}, {@code y}): a slate field inside, a gold star on it. */
    private static void shield(CardCanvas c, double x, double y, double s, Rgb gold, Rgb field) {
        c.fill(shape(x, y, s), gold);
        c.fill(shape(x + 0.6, y + 0.6, s - 1.2), field.mix(gold, 0.12));
        c.fill(shape(x + 1.1, y + 1.1, s - 2.2), field);
        double cx = x + s / 2;
        double cy = y + s * 0.52;
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? s * 0.27 : s * 0.11;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        c.fill(star, gold);
    }

    private static Path2D shape(double x, double y, double s) {
        double h = s * 1.2;
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.quadTo(x + s / 2, y + h * 0.08, x + s, y);
        p.lineTo(x + s, y + h * 0.45);
        p.curveTo(x + s, y + h * 0.78, x + s * 0.62, y + h * 0.92, x + s / 2, y + h);
        p.curveTo(x + s * 0.38, y + h * 0.92, x, y + h * 0.78, x, y + h * 0.45);
        p.closePath();
        return p;
    }
}
