package org.carnet.core.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.carnet.core.common.AppException;

/**
 * Draws card sides into rasters: the one entry point for previews, PNG files and printing (the PDF writer drives the
 * same templates through {@link PdfCardWriter}). Pure and thread-safe: each call draws into its own image.
 */
public final class CardRenderer {
    public static final int DPI_300 = 300;
    public static final int DPI_600 = 600;

    private final QrPayload payload;

    public CardRenderer() {
        this(QrPayload.SERIAL_AND_MPI_ID);
    }

    public CardRenderer(QrPayload payload) {
        this.payload = payload;
    }

    /** Checks the design and the data before anything is drawn; returns the template to draw with. */
    CardTemplate prepare(CardDesign design, CardData data) throws AppException {
        design.validate();
        design.checkSensitive(data.attributes());
        return Templates.get(design.template());
    }

    CardContext context(CardTemplate t, CardDesign design, CardData data) {
        return new CardContext(data, design, Palette.of(design, t.defaults()), payload);
    }

    /**
     * One side at {@code dpi} in the template's own format: 1011 × 638 px (CR80) or 1011 × 375 px (pass) at 300 DPI.
     *
     * @throws AppException if the design is invalid or prints a sensitive attribute
     */
    public BufferedImage render(CardDesign design, CardData data, Side side, int dpi) throws AppException {
        CardTemplate t = prepare(design, data);
        CardFormat f = t.format();
        BufferedImage img = new BufferedImage(f.widthPx(dpi), f.heightPx(dpi), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(t, context(t, design, data), side, g, f, dpi, 0, 0);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * One side on card media (CR80) at {@code dpi}: a CR80 template as {@link #render}; the pass strip centred
     * vertically on the card, unstretched, the rest in its deep background colour.
     */
    public BufferedImage renderOnCard(CardDesign design, CardData data, Side side, int dpi) throws AppException {
        CardTemplate t = prepare(design, data);
        if (t.format() == CardFormat.CR80) {
            return render(design, data, side, dpi);
        }
        int w = CardFormat.CR80.widthPx(dpi);
        int h = CardFormat.CR80.heightPx(dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Rgb deep = design.sovereign().deepBackground();
            g.setColor(new Color(deep.argb()));
            g.fillRect(0, 0, w, h);
            int top = (h - t.format().heightPx(dpi)) / 2;
            draw(t, context(t, design, data), side, g, t.format(), dpi, 0, top);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(CardTemplate t, CardContext ctx, Side side, Graphics2D g, CardFormat f, int dpi,
            double offsetX, double offsetY) {
        g.clipRect((int) offsetX, (int) offsetY, f.widthPx(dpi), f.heightPx(dpi));
        // The raster is whole pixels (637.56 px of CR80 height become 638): the canvas covers all of them.
        t.paint(new Java2DCanvas(g, f.widthPx(dpi) * 25.4 / dpi, f.heightPx(dpi) * 25.4 / dpi, dpi, offsetX, offsetY),
                ctx, side);
    }
}
