package org.carnet.core.render.templates;

import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.CardFormat;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Fill;
import org.carnet.core.render.Palette;
import org.carnet.core.render.QrCode;
import org.carnet.core.render.Rgb;

/**
 * {@code sovereign}: the "DHIS2 Digital Pass" boarding pass, 85.60 × 31.75 mm (1011 × 375 px at 300 DPI), navy and
 * gold. Header with up to three logos, "DHIS2 DIGITAL PASS" and "Identity Pass · eHealth Platform"; identity zone with
 * the MPI-ID label, an 8-ridge fingerprint icon and the id in large bold white; a 2 × 2 attribute grid (max_attrs);
 * a gold dashed separator with diamonds; a very dark QR zone with four gold corner brackets, "SCAN TO VERIFY" and the
 * truncated TEI id; footer with the programme in capitals and the enrolment date; faint topographic ellipses. Colours
 * and sizes come from the design's sovereign settings (accent_hex, bg_hex, bg_deep_hex, font_scale, max_attrs).
 */
public final class SovereignTemplate implements CardTemplate {
    /** Left edge of the QR zone. */
    private static final double ZONE_X = 60.2;
    private static final double SEPARATOR_X = 58.9;
    private static final double MAIN_RIGHT = 57.2;
    private static final double QR_MAX = 19.0;

    @Override
    public String id() {
        return "sovereign";
    }

    @Override
    public CardFormat format() {
        return CardFormat.PASS;
    }

    @Override
    public Palette defaults() {
        CardDesign.Sovereign s = CardDesign.Sovereign.DEFAULT;
        return new Palette(s.background(), s.deepBackground(), s.accent());
    }

    @Override
    public void front(CardCanvas c, CardContext ctx) {
        CardDesign.Sovereign s = ctx.design().sovereign();
        double k = s.fontScale();
        Rgb gold = s.accent();
        Rgb bg = s.background();
        Rgb white = bg.textOn();
        Rgb soft = Palette.muted(bg);
        background(c, s);

        double x = Draw.SAFE;
        double logoW = Draw.logos(c, ctx.logos(), x, 2.4, 5.2, 20, Align.LEFT);
        double tx = logoW > 0 ? x + logoW + 2 : x;
        Draw.text(c, ctx.label("card.pass.title"), Face.BOLD, pt(7.2, k), 5, tx, 5.3, MAIN_RIGHT - tx,
                bg.readable(gold, 3), Align.LEFT, 0.14);
        Draw.text(c, ctx.label("card.pass.subtitle"), Face.REGULAR, pt(5.2, k), 5, tx, 8.1, MAIN_RIGHT - tx, soft,
                Align.LEFT, 0.03);

        // Identity zone: fingerprint, MPI-ID label, the id in large bold type.
        fingerprint(c, x + 2.6, 13.6, gold.mix(bg, 0.1));
        double ix = x + 6.6;
        Draw.text(c, ctx.label("card.pass.mpi"), Face.BOLD, pt(5, k), 5, ix, 11.9, MAIN_RIGHT - ix,
                bg.readable(gold, 3), Align.LEFT, 0.12);
        if (ctx.design().showMpiId()) {
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, pt(10.5, k), 7, ix, 16.2, MAIN_RIGHT - ix, white, Align.LEFT,
                    0.02);
        }

        // 2 × 2 attribute grid: name first, then the design's attributes, never more than max_attrs cells.
        List<CardContext.Item> attrs = new java.util.ArrayList<>();
        attrs.add(new CardContext.Item("name", ctx.label("card.name"), ctx.data().fullName()));
        attrs.addAll(ctx.attributes(3));
        int cells = Math.min(s.maxAttributes(), Math.min(4, attrs.size()));
        double colW = (MAIN_RIGHT - x - 2.5) / 2;
        for (int i = 0; i < cells; i++) {
            double cx = x + (i % 2) * (colW + 2.5);
            double cy = 17.6 + (i / 2) * 4.95;
            CardContext.Item it = attrs.get(i);
            Draw.text(c, it.label().toUpperCase(Locale.ROOT), Face.REGULAR, 5, 5, cx, cy + 1.6, colW, soft,
                    Align.LEFT, 0.06);
            Draw.text(c, it.value(), Face.BOLD, pt(6.3, k), 5, cx, cy + 4.0, colW, white, Align.LEFT);
        }

        // Footer: programme in capitals, enrolment date.
        double fy = c.heightMm() - 2.4;
        Rgb footer = bg.readable(gold, 3);
        String date = ctx.label("card.pass.enrolled") + " " + ctx.date(ctx.data().enrolledOn());
        double dateW = CardFonts.widthMm(date, Face.REGULAR, 5, 0.04) + 0.5;
        Draw.text(c, date, Face.REGULAR, 5, 5, MAIN_RIGHT, fy, dateW, soft, Align.RIGHT, 0.04);
        Draw.text(c, ctx.title().toUpperCase(Locale.ROOT), Face.BOLD, 5, 5, x, fy, MAIN_RIGHT - x - dateW - 2,
                footer, Align.LEFT, 0.08);

        separator(c, gold);
        qrZone(c, ctx, s, ctx.qr(), truncatedId(ctx));
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        CardDesign.Sovereign s = ctx.design().sovereign();
        double k = s.fontScale();
        Rgb bg = s.background();
        Rgb gold = bg.readable(s.accent(), 3);
        Rgb white = bg.textOn();
        Rgb soft = Palette.muted(bg);
        background(c, s);
        double x = Draw.SAFE;
        double w = MAIN_RIGHT - x;
        Draw.text(c, ctx.label("card.back.verify").toUpperCase(Locale.ROOT), Face.BOLD, pt(6, k), 5, x, 5.6, w, gold,
                Align.LEFT, 0.1);
        double end = Draw.paragraph(c, ctx.label("card.back.verifyText"), Face.REGULAR, 5, x, 8.6, w, 3, 2.2, white);
        double y = Math.max(end + 0.4, 15.2);
        double colW = (w - 4) / 3;
        String serial = ctx.data().cardSerial() == null ? "—" : ctx.data().cardSerial();
        String[][] facts = {{ctx.label("card.issued"), ctx.date(ctx.data().issuedOn())},
            {ctx.label("card.valid.short"), ctx.date(ctx.data().validUntil())}, {ctx.label("card.serial"), serial}};
        for (int i = 0; i < facts.length; i++) {
            Draw.field(c, facts[i][0], facts[i][1], x + i * (colW + 2), y, colW, soft, white, 5, pt(6.3, k));
        }
        String centre = ctx.data().healthCentre() == null ? "" : ctx.data().healthCentre();
        Draw.text(c, centre, Face.REGULAR, 5, 5, x, c.heightMm() - 5.2, w, soft, Align.LEFT);
        Draw.text(c, ctx.label("card.back.personal"), Face.REGULAR, 5, 5, x, c.heightMm() - 2.4, w, soft, Align.LEFT);
        separator(c, s.accent());
        qrZone(c, ctx, s, ctx.verificationQr(), ctx.data().cardSerial() == null ? "" : ctx.data().cardSerial());
    }

    private static double pt(double base, double scale) {
        return Math.max(Draw.MIN_PT, base * scale);
    }

    private static void background(CardCanvas c, CardDesign.Sovereign s) {
        double w = c.widthMm();
        double h = c.heightMm();
        Draw.background(c, new Fill.LinearGradient(0, 0, s.background(), w, h, s.background().mix(
                s.deepBackground(), 0.55)));
        // Faint topographic ellipses, like contour lines on a map.
        Rgb line = s.background().mix(s.accent(), 0.09);
        for (int i = 0; i < 9; i++) {
            double rx = 6 + i * 5.2;
            double ry = 3.2 + i * 2.9;
            c.stroke(new Ellipse2D.Double(36 - rx, 27 - ry, 2 * rx, 2 * ry), line, 0.14, null);
        }
        for (int i = 0; i < 4; i++) {
            double rx = 4 + i * 4.5;
            double ry = 2.5 + i * 2.4;
            c.stroke(new Ellipse2D.Double(14 - rx, 2 - ry, 2 * rx, 2 * ry), line, 0.14, null);
        }
    }

    /** An 8-ridge fingerprint: nested open arcs around a small core. */
    private static void fingerprint(CardCanvas c, double cx, double cy, Rgb colour) {
        for (int i = 0; i < 8; i++) {
            double r = 0.3 + i * 0.33;
            double start = 200 - i * 6;
            double extent = 250 + i * 4;
            c.stroke(new Arc2D.Double(cx - r, cy - r * 1.25, 2 * r, 2 * r * 1.25, start, -extent, Arc2D.OPEN),
                    colour, 0.13, null);
        }
    }

    /** Gold dashes between the main part and the QR zone, a small diamond at each end. */
    private static void separator(CardCanvas c, Rgb gold) {
        double h = c.heightMm();
        c.stroke(new Line2D.Double(SEPARATOR_X, 3.2, SEPARATOR_X, h - 3.2), gold, 0.22, new float[] {0.9f, 0.7f});
        for (double y : new double[] {1.9, h - 1.9}) {
            Path2D d = new Path2D.Double();
            d.moveTo(SEPARATOR_X, y - 0.8);
            d.lineTo(SEPARATOR_X + 0.8, y);
            d.lineTo(SEPARATOR_X, y + 0.8);
            d.lineTo(SEPARATOR_X - 0.8, y);
            d.closePath();
            c.fill(d, gold);
        }
    }

    /** The very dark QR zone: the QR (white, quiet zone included) framed by four gold corner brackets. */
    private static void qrZone(CardCanvas c, CardContext ctx, CardDesign.Sovereign s, QrCode qr, String idLine) {
        double w = c.widthMm();
        double h = c.heightMm();
        Draw.rect(c, ZONE_X, 0, w - ZONE_X, h, s.deepBackground());
        double zoneW = w - ZONE_X;
        double centre = ZONE_X + zoneW / 2;
        Rgb gold = s.deepBackground().readable(s.accent(), 3);
        Rgb soft = Palette.muted(s.deepBackground());
        double side = qr == null ? 0 : qr.sideMm(QR_MAX, c.dpi());
        double top = 3.0;
        double qx = centre - side / 2;
        if (qr != null) {
            side = c.qr(qr, qx, top, QR_MAX);
        }
        double frame = Math.max(side, 12);
        double fx = centre - frame / 2 - 1.1;
        double fy = top - 1.1;
        double fs = frame + 2.2;
        double arm = 2.6;
        for (int corner = 0; corner < 4; corner++) {
            double bx = corner % 2 == 0 ? fx : fx + fs;
            double by = corner < 2 ? fy : fy + fs;
            double dx = corner % 2 == 0 ? arm : -arm;
            double dy = corner < 2 ? arm : -arm;
            Path2D b = new Path2D.Double();
            b.moveTo(bx, by + dy);
            b.lineTo(bx, by);
            b.lineTo(bx + dx, by);
            c.stroke(b, gold, 0.35, null);
        }
        double captionY = fy + fs + 2.6;
        Draw.text(c, ctx.label("card.scan").toUpperCase(Locale.ROOT), Face.BOLD, 5, 5, centre, captionY, zoneW - 1.6,
                gold, Align.CENTER, 0.01);
        Draw.text(c, idLine, Face.REGULAR, 5, 5, centre, Math.min(captionY + 2.3, h - 1.2), zoneW - 2, soft,
                Align.CENTER, 0.04);
    }

    /** The end of the TEI id ("…T2a") the verifier compares with the QR; the MPI id's end when the TEI id is unknown. */
    private static String truncatedId(CardContext ctx) {
        String id = ctx.data().teiUid() != null ? ctx.data().teiUid() : ctx.data().mpiId();
        if (id == null || id.isEmpty()) {
            return "";
        }
        return "ID …" + id.substring(Math.max(0, id.length() - 4));
    }
}
