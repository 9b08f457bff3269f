package org.carnet.core.render.templates;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
import org.carnet.core.render.QrCode;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.TextFit;

/**
 * {@code aurora}: indigo, violet and pink, for specialised programmes. A ticket: the indigo main part, crossed by
 * violet-to-pink aurora ribbons, carries the logos, the programme, the name, the fields and the validity; a dashed
 * perforation with a round notch at each end separates the pale stub holding the QR and the MPI id. The stub is on the
 * QR's side (left for "bottom left"), the QR at its foot or, for "centre", in its middle.
 */
public final class AuroraTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#312E81", "#8B5CF6", "#F472B6");
    private static final double NOTCH = 2.3;

    @Override
    public String id() {
        return "aurora";
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
        QrCode qr = ctx.qr();
        QrPosition pos = ctx.design().qr().position();
        double side = qr == null ? 0 : qr.sideMm(ctx.design().qr().size().maxMm(), c.dpi());
        boolean stubLeft = qr != null && pos == QrPosition.BOTTOM_LEFT;
        double px = perforation(c, ctx);
        double left = stubLeft ? px + Draw.SAFE : Draw.SAFE;
        double right = stubLeft ? w - Draw.SAFE : px - Draw.SAFE;

        Rgb bg = p.primary();
        Rgb on = p.onPrimary();
        Rgb stub = p.secondary().mix(Rgb.WHITE, 0.9);
        Draw.background(c, bg);
        Rgb violet = tame(p.secondary(), bg, on);
        Rgb pink = tame(p.accent(), bg, on);
        for (int i = 0; i < 3; i++) {
            c.fill(ribbon(left - Draw.SAFE, right + Draw.SAFE, h, 9 + i * 9, 3.2 - i * 0.6), new Fill.LinearGradient(
                    left, 0, violet.mix(bg, 0.25 * i), right, 0, pink.mix(bg, 0.25 * i)));
        }
        Draw.rect(c, stubLeft ? 0 : px, 0, stubLeft ? px : w - px, h, stub);
        c.stroke(new Line2D.Double(px, NOTCH + 0.8, px, h - NOTCH - 0.8), bg.mix(stub, 0.3), 0.35,
                new float[] {1.0f, 0.8f});
        Draw.circle(c, px, 0, NOTCH, Rgb.WHITE);
        Draw.circle(c, px, h, NOTCH, Rgb.WHITE);

        // Main part: logos, programme, name, fields, validity.
        Rgb tint = on.mix(pink, 0.45);
        Rgb label = Stream.of(bg, violet, pink).allMatch(b -> b.contrast(tint) >= 4.5) ? tint : on;
        // The programme beside the logos, or under them when it would have to shrink too much there.
        double tpt = ctx.titlePt(9);
        double used = Draw.logos(c, ctx.logos(), left, 2.8, 7.2, (right - left) * 0.5, Align.LEFT);
        boolean under = used > 0 && TextFit.fit(ctx.title(), Face.BOLD, tpt, 7, right - left - used - 2.4).ellipsized();
        double top = under ? 8.4 : 0;
        double x = under || used == 0 ? left : left + used + 2.4;
        Draw.text(c, ctx.title(), Face.BOLD, tpt, 6, x, top + 3.4 + CardFonts.capHeightMm(Face.BOLD, tpt), right - x,
                on, Align.LEFT);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")), Face.REGULAR, 6, 5, x, top + 10.2, right - x, label,
                Align.LEFT, 0.02);
        double nameTop = top + 15.2;
        double nameBase = nameTop + CardFonts.capHeightMm(Face.BOLD, 12.5);
        String name = ctx.data().fullName();
        if (!TextFit.fit(name, Face.BOLD, 12.5, 9, right - left).ellipsized()) {
            Draw.text(c, name, Face.BOLD, 12.5, 9, left, nameBase, right - left, on, Align.LEFT);
        } else {
            nameBase = Draw.paragraph(c, name, Face.BOLD, 8.5, left, nameTop + CardFonts.capHeightMm(Face.BOLD, 8.5),
                    right - left, 2, 3.6, on) - 3.6;
        }
        List<CardContext.Item> items = new ArrayList<>();
        items.add(new CardContext.Item("dob", ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth())));
        items.add(new CardContext.Item("sex", ctx.label("card.sex"), ctx.sexLabel()));
        items.addAll(ctx.attributes(2));
        items.add(new CardContext.Item("valid", ctx.label("card.valid"), ctx.date(ctx.data().validUntil())));
        double colW = (right - left - 2.5) / 2;
        double y = nameBase + 2.8;
        for (int i = 0; i < items.size() && y + (i / 2) * 6 < h - Draw.SAFE - 5; i++) {
            CardContext.Item it = items.get(i);
            Draw.field(c, it.label(), it.value(), left + (i % 2) * (colW + 2.5), y + (i / 2) * 6, colW, label, on,
                    5.2, 7.6);
        }

        // Stub: what to do with it, the MPI id, the QR.
        Rgb soft = Palette.muted(stub);
        double cx = stubLeft ? px / 2 + 0.2 : (px + w) / 2 - 0.2;
        double sw = (stubLeft ? px : w - px) - 5.6;
        Draw.text(c, ctx.label("card.notches"), Face.REGULAR, 5.2, 5, cx, 5.6, sw, soft, Align.CENTER, 0.02);
        Draw.rect(c, cx - 3, 7.4, 6, 0.5, stub.readable(p.accent(), 2.0));
        double qrY = qr == null ? 0 : pos == QrPosition.CENTER ? (h - side) / 2 : h - Draw.SAFE - side;
        if (qr != null) {
            Draw.qr(c, ctx, new Draw.QrSlot(cx - side / 2, qrY, side, left, right));
        }
        if (ctx.design().showMpiId()) {
            double mpiTop = qr == null ? h / 2 - 6 : pos == QrPosition.CENTER ? qrY + side + 2 : 9.6;
            Draw.text(c, ctx.label("card.mpi"), Face.REGULAR, 5.2, 5, cx, mpiTop + 1.4, sw, soft, Align.CENTER, 0.08);
            // Too long for the stub on one line, the id breaks after its last hyphen.
            String id = ctx.data().mpiId();
            int cut = id.lastIndexOf('-') + 1;
            boolean split = cut > 0 && TextFit.fit(id, Face.BOLD, 7.5, 6.5, sw).ellipsized();
            String[] lines = split ? new String[] {id.substring(0, cut), id.substring(cut)} : new String[] {id};
            for (int i = 0; i < lines.length; i++) {
                Draw.text(c, lines[i], Face.BOLD, 7.5, 5, cx, mpiTop + 5 + 3.4 * i, sw, stub.readable(bg, 4.5),
                        Align.CENTER);
            }
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(new Fill.LinearGradient(0, 0, p.primary(), c.widthMm(), 0,
                tame(p.secondary(), p.primary(), p.onPrimary())), p.onPrimary(),
                p.secondary().mix(Rgb.WHITE, 0.9), p.accent()).paint(c, ctx);
        // The notches go through the card: on the back they sit where the front's perforation shows through.
        double px = c.widthMm() - perforation(c, ctx);
        Draw.circle(c, px, 0, NOTCH, Rgb.WHITE);
        Draw.circle(c, px, c.heightMm(), NOTCH, Rgb.WHITE);
    }

    /** Where the front's perforation runs: the stub is as wide as its QR needs (at least 24 mm), on the QR's side. */
    private static double perforation(CardCanvas c, CardContext ctx) {
        QrCode qr = ctx.qr();
        double side = qr == null ? 0 : qr.sideMm(ctx.design().qr().size().maxMm(), c.dpi());
        double stubW = Math.max(24, side + Draw.SAFE + 2.6);
        return qr != null && ctx.design().qr().position() == QrPosition.BOTTOM_LEFT ? stubW : c.widthMm() - stubW;
    }

    /** An aurora ribbon across [x0, x1], rising from lower left to upper right, {@code t} thick at its ends. */
    private static Path2D ribbon(double x0, double x1, double h, double lift, double t) {
        double span = x1 - x0;
        var r = new Path2D.Double();
        r.moveTo(x0 - 2, h - lift + 6);
        r.curveTo(x0 + span * 0.35, h - lift - 14, x0 + span * 0.6, h - lift + 8, x1 + 2, h - lift - 26);
        r.lineTo(x1 + 2, h - lift - 26 + t);
        r.curveTo(x0 + span * 0.6, h - lift + 8 + t * 2.2, x0 + span * 0.35, h - lift - 14 + t * 2.2, x0 - 2,
                h - lift + 6 + t);
        r.closePath();
        return r;
    }

    /** {@code colour} moved towards the background until text in {@code on} keeps 5:1 on it. */
    private static Rgb tame(Rgb colour, Rgb bg, Rgb on) {
        double t = 0.3;
        while (t < 1 && colour.mix(bg, t).contrast(on) < 5) {
            t += 0.05;
        }
        return colour.mix(bg, t);
    }
}
