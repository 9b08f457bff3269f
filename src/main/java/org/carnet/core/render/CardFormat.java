package org.carnet.core.render;

/** The physical formats a card side is drawn in. */
public enum CardFormat {
    /** ISO/IEC 7810 ID-1, the bank-card size: 85.60 × 53.98 mm, 1011 × 638 px at 300 DPI. */
    CR80(85.60, 53.98),
    /** The boarding-pass strip of the sovereign template: CR80 width, 31.75 mm high, 1011 × 375 px at 300 DPI. */
    PASS(85.60, 31.75);

    private final double widthMm;
    private final double heightMm;

    CardFormat(double widthMm, double heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** Width in pixels at {@code dpi}: 1011 at 300 DPI, 2022 at 600. */
    public int widthPx(int dpi) {
        return (int) Math.round(widthMm * dpi / 25.4);
    }

    /** Height in pixels at {@code dpi}: 638 (CR80) or 375 (pass) at 300 DPI. */
    public int heightPx(int dpi) {
        return (int) Math.round(heightMm * dpi / 25.4);
    }

    /** Width of a PDF page of this size in points (242.646 for CR80). */
    public double widthPt() {
        return widthMm * 72 / 25.4;
    }

    public double heightPt() {
        return heightMm * 72 / 25.4;
    }
}
