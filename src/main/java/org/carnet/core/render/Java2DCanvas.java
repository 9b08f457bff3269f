package org.carnet.core.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextAttribute;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Map;

/** The Java2D painter: draws a card side in millimetres onto a raster at a given resolution. */
final class Java2DCanvas implements CardCanvas {
    private final Graphics2D g;
    private final double widthMm;
    private final double heightMm;
    private final int dpi;

    /**
     * @param g graphics whose user space is device pixels with the card's top-left corner at ({@code offsetX},
     *          {@code offsetY}) pixels
     */
    Java2DCanvas(Graphics2D g, double widthMm, double heightMm, int dpi, double offsetX, double offsetY) {
        this.g = g;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.dpi = dpi;
        g.translate(offsetX, offsetY);
        g.scale(dpi / 25.4, dpi / 25.4);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
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
        g.setPaint(paint(fill));
        g.fill(shapeMm);
    }

    @Override
    public void stroke(Shape shapeMm, Rgb colour, double widthMm, float[] dashMm) {
        g.setPaint(color(colour));
        g.setStroke(dashMm == null ? new BasicStroke((float) widthMm, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke((float) widthMm, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashMm, 0f));
        g.draw(shapeMm);
    }

    @Override
    public void text(TextRun run, double x, double baseline, Rgb colour) {
        if (run.text().isEmpty()) {
            return;
        }
        g.setPaint(color(colour));
        AffineTransform saved = g.getTransform();
        g.translate(x, baseline);
        g.scale(25.4 / 72.0, 25.4 / 72.0);
        if (run.complex()) {
            CardFonts.layout(run.text(), run.face(), run.sizePt(), run.tracking()).draw(g, 0, 0);
        } else {
            var font = CardFonts.latin(run.face()).deriveFont((float) run.sizePt());
            if (run.tracking() != 0) {
                font = font.deriveFont(Map.of(TextAttribute.TRACKING, (float) run.tracking()));
            }
            g.setFont(font);
            g.drawString(run.text(), 0f, 0f);
        }
        g.setTransform(saved);
    }

    @Override
    public void image(Logo logo, double x, double y, double w, double h) {
        AffineTransform saved = g.getTransform();
        // Scale in device space for a sharp, bicubic result: from the logo's pixels to the target box.
        Point2D a = saved.transform(new Point2D.Double(x, y), null);
        Point2D b = saved.transform(new Point2D.Double(x + w, y + h), null);
        g.setTransform(new AffineTransform());
        int dw = (int) Math.max(1, Math.round(b.getX() - a.getX()));
        int dh = (int) Math.max(1, Math.round(b.getY() - a.getY()));
        g.drawImage(logo.scaled(dw, dh), (int) Math.round(a.getX()), (int) Math.round(a.getY()), null);
        g.setTransform(saved);
    }

    @Override
    public double qr(QrCode code, double x, double y, double maxMm) {
        AffineTransform saved = g.getTransform();
        double pxPerMm = saved.getScaleX();
        int effectiveDpi = (int) Math.floor(pxPerMm * 25.4 + 1e-6);
        int dots = code.dotsPerModule(maxMm, effectiveDpi);
        Point2D origin = saved.transform(new Point2D.Double(x, y), null);
        int ox = (int) Math.ceil(origin.getX() - 1e-6);
        int oy = (int) Math.ceil(origin.getY() - 1e-6);
        int side = code.sizeWithQuietZone() * dots;
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setTransform(new AffineTransform());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(ox, oy, side, side);
        g.setColor(Color.BLACK);
        int q = QrCode.QUIET_ZONE * dots;
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
                g.fillRect(ox + q + start * dots, oy + q + my * dots, (mx - start) * dots, dots);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        g.setTransform(saved);
        return side / pxPerMm;
    }

    private static Paint paint(Fill fill) {
        if (fill instanceof Fill.LinearGradient lg) {
            return new GradientPaint((float) lg.x1(), (float) lg.y1(), color(lg.from()), (float) lg.x2(),
                    (float) lg.y2(), color(lg.to()));
        }
        return color((Rgb) fill);
    }

    private static Color color(Rgb c) {
        return new Color(c.r(), c.g(), c.b());
    }
}
