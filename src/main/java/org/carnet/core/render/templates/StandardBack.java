package org.carnet.core.render.templates;

import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardFonts;
import org.carnet.core.render.Draw;
import org.carnet.core.render.Draw.Align;
import org.carnet.core.render.Face;
import org.carnet.core.render.Fill;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.TextFit;
import org.carnet.core.render.TextRun;

/**
 * The back of a CR80 card, shared by the templates with their own colours: holder facts (health centre, district,
 * issue and validity dates, card number, MPI id), the verification QR with its caption, how to verify, and what to do
 * with a found card.
 *
 * @param band the header band's fill
 * @param bandText text on the band
 * @param surface the body's background
 * @param accent thin rules and headings
 */
record StandardBack(Fill band, Rgb bandText, Rgb surface, Rgb accent) {

    void paint(CardCanvas c, CardContext ctx) {
        double w = c.widthMm();
        double h = c.heightMm();
        Draw.background(c, surface);
        Draw.rect(c, 0, 0, w, 10.5, band);
        Draw.rect(c, 0, 10.5, w, 0.6, accent);
        Rgb text = surface.textOn();
        Rgb muted = org.carnet.core.render.Palette.muted(surface);
        Rgb heading = surface.readable(accent, 3.0);
        Draw.text(c, ctx.label("card.back.title"), Face.BOLD, 8.5, 6, Draw.SAFE,
                3.4 + CardFonts.capHeightMm(Face.BOLD, 8.5), w * 0.6, bandText, Align.LEFT);
        Draw.text(c, ctx.title(), Face.REGULAR, 6.5, 5, w - Draw.SAFE, 3.6 + CardFonts.capHeightMm(Face.REGULAR, 6.5),
                w * 0.36, bandText, Align.RIGHT);

        double qrMax = 19;
        double qrSide = ctx.verificationQr().sideMm(qrMax, c.dpi());
        double qrX = w - Draw.SAFE - qrSide;
        double qrY = 13.2;
        c.qr(ctx.verificationQr(), qrX, qrY, qrMax);
        // The caption is centred under the QR but never enters the safe zone on the right.
        TextRun caption = TextFit.fit(ctx.label("card.scan"), Face.BOLD, 5.5, 5, qrSide + 4);
        double captionX = Math.min(qrX + qrSide / 2 - caption.widthMm() / 2, w - Draw.SAFE - caption.widthMm());
        c.text(caption, captionX, qrY + qrSide + 2.6, heading);

        double colW = (qrX - 2 - Draw.SAFE - 2) / 2;
        double x1 = Draw.SAFE;
        double x2 = Draw.SAFE + colW + 2;
        double y = 13.2;
        String centre = ctx.data().healthCentre() == null ? "—" : ctx.data().healthCentre();
        String district = ctx.data().district() == null ? "—" : ctx.data().district();
        double used = Draw.field(c, ctx.label("card.healthCentre"), centre, x1, y, colW * 2 + 2, muted, text, 5.2, 7.5);
        y += used;
        Draw.field(c, ctx.label("card.district"), district, x1, y, colW, muted, text, 5.2, 7.5);
        used = Draw.field(c, ctx.label("card.valid"), ctx.date(ctx.data().validUntil()), x2, y, colW, muted, text,
                5.2, 7.5);
        y += used;
        Draw.field(c, ctx.label("card.issued"), ctx.date(ctx.data().issuedOn()), x1, y, colW, muted, text, 5.2, 7.5);
        Draw.field(c, ctx.label("card.serial"), ctx.data().cardSerial() == null ? "—" : ctx.data().cardSerial(), x2, y,
                colW, muted, text, 5.2, 7.5);

        double vy = 39.6;
        Draw.line(c, Draw.SAFE, vy - 3.0, w - Draw.SAFE, vy - 3.0, text.mix(surface, 0.75), 0.2);
        Draw.text(c, ctx.label("card.back.verify"), Face.BOLD, 6, 5, Draw.SAFE, vy, w - 2 * Draw.SAFE, heading,
                Align.LEFT);
        double end = Draw.paragraph(c, ctx.label("card.back.verifyText"), Face.REGULAR, 5.2, Draw.SAFE, vy + 2.5,
                w - 2 * Draw.SAFE, 2, 2.2, text);
        Draw.paragraph(c, ctx.label("card.back.lost") + " " + ctx.label("card.back.personal"), Face.REGULAR, 5,
                Draw.SAFE, Math.min(end + 0.2, h - Draw.SAFE - 2.1), w - 2 * Draw.SAFE, 2, 2.1, muted);
    }
}
