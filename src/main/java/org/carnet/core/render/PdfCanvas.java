package org.carnet.core.render;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShadingType2;

/**
 * The PDF writer: draws a card side with vector shapes, real (subset-embedded) text and vector QR modules into a
 * page's content stream. The card's top-left corner sits at ({@code originX}, {@code originY}) millimetres from the
 * page's top-left corner, so the same drawing fills a CR80 page or one cell of an A4 sheet.
 */
final class PdfCanvas implements CardCanvas {
    static final double PT_PER_MM = 72.0 / 25.4;

    /** What is loaded once per document: the embedded fonts and the logo images. */
    static final class Resources {
        private final PDDocument doc;
        private final Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
        private final Map<Logo, PDImageXObject> images = new IdentityHashMap<>();

        Resources(PDDocument doc) {
            this.doc = doc;
        }

        PDType0Font font(Face face) {
            return fonts.computeIfAbsent(face, f -> {
                try (InputStream in = CardFonts.class.getResourceAsStream(CardFonts.resource(f, false))) {
                    return PDType0Font.load(doc, in, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        PDImageXObject image(Logo logo) {
            return images.computeIfAbsent(logo, l -> {
                try {
                    return LosslessFactory.createFromImage(doc, l.image());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private final PDPageContentStream cs;
    private final Resources resources;
    private final double widthMm;
    private final double heightMm;
    private final int dpi;
    private final double originX;
    private final double originY;
    private final AffineTransform toPage;

    PdfCanvas(PDPageContentStream cs, Resources resources, double pageHeightPt, double originX, double originY,
            double widthMm, double heightMm, int dpi) {
        this.cs = cs;
        this.resources = resources;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.dpi = dpi;
        this.originX = originX;
        this.originY = originY;
        this.toPage = new AffineTransform(PT_PER_MM, 0, 0, -PT_PER_MM, originX * PT_PER_MM,
                pageHeightPt - originY * PT_PER_MM);
    }

    @Override
    public double widthMm() {
        return widthMm;
    }

    @Override
    public double heightMm() {
        return heightMm;
    }

    @Override
    public int dpi() {
        return dpi;
    }

    @Override
    public void fill(Shape shapeMm, Fill fill) {
        try {
            if (fill instanceof Fill.LinearGradient lg) {
                cs.saveGraphicsState();
                path(shapeMm, toPage);
                cs.clip();
                cs.shadingFill(shading(lg));
                cs.restoreGraphicsState();
            } else {
                colour((Rgb) fill);
                path(shapeMm, toPage);
                if (evenOdd(shapeMm)) {
                    cs.fillEvenOdd();
                } else {
                    cs.fill();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stroke(Shape shapeMm, Rgb colour, double widthMm, float[] dashMm) {
        try {
            cs.setStrokingColor(colour.r() / 255f, colour.g() / 255f, colour.b() / 255f);
            cs.setLineWidth((float) (widthMm * PT_PER_MM));
            if (dashMm != null) {
                float[] d = new float[dashMm.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (dashMm[i] * PT_PER_MM);
                }
                cs.setLineDashPattern(d, 0);
            }
            path(shapeMm, toPage);
            cs.stroke();
            if (dashMm != null) {
                cs.setLineDashPattern(new float[0], 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void text(TextRun run, double x, double baseline, Rgb colour) {
        if (run.text().isEmpty()) {
            return;
        }
        try {
            if (run.complex()) {
                // Arabic: PDFBox does not shape, so draw the outlines Java2D shaped (still vector, still exact).
                AffineTransform at = new AffineTransform(toPage);
                at.translate(x, baseline);
                at.scale(25.4 / 72.0, 25.4 / 72.0);
                Shape outline = CardFonts.layout(run.text(), run.face(), run.sizePt(), run.tracking()).getOutline(null);
                colour(colour);
                path(outline, at);
                cs.fill();
                return;
            }
            colour(colour);
            cs.beginText();
            cs.setFont(resources.font(run.face()), (float) run.sizePt());
            cs.setCharacterSpacing((float) (run.tracking() * run.sizePt()));
            var p = toPage.transform(new java.awt.geom.Point2D.Double(x, baseline), null);
            cs.newLineAtOffset((float) p.getX(), (float) p.getY());
            cs.showText(run.text());
            cs.endText();
            if (run.tracking() != 0) {
                cs.setCharacterSpacing(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void image(Logo logo, double x, double y, double w, double h) {
        try {
            var p = toPage.transform(new java.awt.geom.Point2D.Double(x, y + h), null);
            cs.drawImage(resources.image(logo), (float) p.getX(), (float) p.getY(), (float) (w * PT_PER_MM),
                    (float) (h * PT_PER_MM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double qr(QrCode code, double x, double y, double maxMm) {
        int dots = code.dotsPerModule(maxMm, dpi);
        double dot = 25.4 / dpi;
        // Snap to the device grid of the card (the printer's dots), as the raster painter does.
        double ox = Math.ceil(x / dot - 1e-6) * dot;
        double oy = Math.ceil(y / dot - 1e-6) * dot;
        double module = dots * dot;
        double side = code.sizeWithQuietZone() * module;
        try {
            colour(Rgb.WHITE);
            rect(ox, oy, side, side);
            cs.fill();
            colour(Rgb.BLACK);
            double q = QrCode.QUIET_ZONE * module;
            for (int my = 0; my < code.size(); my++) {
                int mx = 0;
                while (mx < code.size()) {
                    if (!code.dark(mx, my)) {
                        mx++;
                        continue;
                    }
                    int start = mx;
                    while (mx < code.size() && code.dark(mx, my)) {
                        mx++;
                    }
                    rect(ox + q + start * module, oy + q + my * module, (mx - start) * module, module);
                }
            }
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return side;
    }

    /** Clips everything drawn next to the card's rectangle (sheet cells must not bleed into their neighbours). */
    void clipToCard() throws IOException {
        rect(0, 0, widthMm, heightMm);
        cs.clip();
    }

    private void rect(double x, double y, double w, double h) throws IOException {
        var p = toPage.transform(new java.awt.geom.Point2D.Double(x, y + h), null);
        cs.addRect((float) p.getX(), (float) p.getY(), (float) (w * PT_PER_MM), (float) (h * PT_PER_MM));
    }

    private void colour(Rgb c) throws IOException {
        cs.setNonStrokingColor(c.r() / 255f, c.g() / 255f, c.b() / 255f);
    }

    private static boolean evenOdd(Shape s) {
        return s.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD;
    }

    private void path(Shape shape, AffineTransform at) throws IOException {
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        for (PathIterator it = shape.getPathIterator(at); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    cs.moveTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    cs.lineTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    float c1x = lastX + 2f / 3f * (c[0] - lastX);
                    float c1y = lastY + 2f / 3f * (c[1] - lastY);
                    float c2x = c[2] + 2f / 3f * (c[0] - c[2]);
                    float c2y = c[3] + 2f / 3f * (c[1] - c[3]);
                    cs.curveTo(c1x, c1y, c2x, c2y, c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> cs.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private PDShadingType2 shading(Fill.LinearGradient lg) {
        var a = toPage.transform(new java.awt.geom.Point2D.Double(lg.x1(), lg.y1()), null);
        var b = toPage.transform(new java.awt.geom.Point2D.Double(lg.x2(), lg.y2()), null);
        COSDictionary fn = new COSDictionary();
        fn.setInt(COSName.FUNCTION_TYPE, 2);
        fn.setItem(COSName.DOMAIN, floats(0, 1));
        fn.setItem(COSName.C0, floats(lg.from().r() / 255f, lg.from().g() / 255f, lg.from().b() / 255f));
        fn.setItem(COSName.C1, floats(lg.to().r() / 255f, lg.to().g() / 255f, lg.to().b() / 255f));
        fn.setItem(COSName.N, COSInteger.ONE);
        PDShadingType2 shading = new PDShadingType2(new COSDictionary());
        shading.setShadingType(2);
        shading.setColorSpace(PDDeviceRGB.INSTANCE);
        shading.setCoords(floats((float) a.getX(), (float) a.getY(), (float) b.getX(), (float) b.getY()));
        shading.setFunction(new PDFunctionType2(fn));
        COSArray extend = new COSArray();
        extend.add(org.apache.pdfbox.cos.COSBoolean.TRUE);
        extend.add(org.apache.pdfbox.cos.COSBoolean.TRUE);
        shading.setExtend(extend);
        return shading;
    }

    private static COSArray floats(float... v) {
        COSArray a = new COSArray();
        for (float f : v) {
            a.add(new COSFloat(f));
        }
        return a;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }
}
