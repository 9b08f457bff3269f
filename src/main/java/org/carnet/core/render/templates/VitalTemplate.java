package org.carnet.core.render.templates;

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
 * {@code vital}: medical blue and cyan, minimal. A blue header band with the logos and the programme, a cyan rule,
 * then on white the name in large type, date of birth and sex, at most two attributes, the MPI id at the foot and the
 * QR in its corner.
 */
public final class VitalTemplate implements CardTemplate {
    private static final Palette PALETTE = Palette.of("#0B5FA5", "#FFFFFF", "#18B7D9");

    @Override
    public String id() {
        return "vital";
    }

    @Override
    public Palette defaults() {
        return PALETTE;
    }

    @Override
    public void front(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        double w = c.widthMm();
        double band = 13.5;
        Draw.background(c, p.secondary());
        Draw.rect(c, 0, 0, w, band, p.primary());
        Draw.rect(c, 0, band, w, 1.0, p.accent());
        // A discreet cross motif in the band's right end.
        Rgb motif = p.primary().mix(p.onPrimary(), 0.12);
        Draw.rect(c, w - 14, 3.2, 2.4, 7.2, motif);
        Draw.rect(c, w - 16.4, 5.6, 7.2, 2.4, motif);

        double x = Draw.SAFE;
        double used = Draw.logos(c, ctx.logos(), x, 2.8, 8, 30, Align.LEFT);
        if (used > 0) {
            x += used + 2.5;
        }
        double titleW = w - 19 - x;
        Draw.text(c, ctx.title(), Face.BOLD, ctx.titlePt(9.5), 6, x, 6.6, titleW, p.onPrimary(), Align.LEFT);
        Draw.text(c, ctx.subtitle(ctx.label("card.health")), Face.REGULAR, 6.2, 5, x, 10.6, titleW,
                p.onPrimary().mix(p.primary(), 0.15), Align.LEFT);

        Draw.QrSlot slot = Draw.qrSlot(c, ctx, band + 2.5, 20);
        Draw.qr(c, ctx, slot);
        Rgb text = p.secondary().textOn();
        Rgb muted = Palette.muted(p.secondary());
        Rgb accent = p.secondary().readable(p.primary(), 4.5);
        double left = slot.textLeft();
        double width = slot.textRight() - left;
        double nameBaseline = band + 4.0 + CardFonts.capHeightMm(Face.BOLD, 13);
        Draw.text(c, ctx.data().fullName(), Face.BOLD, 13, 7, left, nameBaseline, width, accent, Align.LEFT);

        double y = nameBaseline + 2.6;
        double col = (width - 2) / 2;
        Draw.field(c, ctx.label("card.dob"), ctx.date(ctx.data().dateOfBirth()), left, y, col, muted, text, 5.2, 8);
        y += Draw.field(c, ctx.label("card.sex"), ctx.sexLabel(), left + col + 2, y, col, muted, text, 5.2, 8);
        List<CardContext.Item> items = ctx.attributes(2);
        for (int i = 0; i < items.size(); i++) {
            Draw.field(c, items.get(i).label(), items.get(i).value(), left + i * (col + 2), y, col, muted, text, 5.2,
                    7.5);
        }
        if (ctx.design().showMpiId()) {
            double base = c.heightMm() - Draw.SAFE;
            Draw.text(c, ctx.label("card.mpi"), Face.REGULAR, 5.2, 5, left, base - 4.2, width, muted, Align.LEFT, 0.04);
            Draw.text(c, ctx.data().mpiId(), Face.BOLD, 9, 6, left, base, width, accent, Align.LEFT, 0.02);
        }
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        Palette p = ctx.palette();
        new StandardBack(p.primary(), p.onPrimary(), Rgb.of("#F4F8FC"), p.accent()).paint(c, ctx);
    }
}
