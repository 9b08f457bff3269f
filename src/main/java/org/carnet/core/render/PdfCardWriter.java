package org.carnet.core.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;

/**
 * Writes cards into one PDF with vector text (Noto Sans embedded once, subset), vector QR modules and shared logo
 * images, page content streamed to a temporary file so thousands of cards do not sit in the heap. Layouts: one page
 * per side at the card's exact size (CR80 242.646 × 153.014 pt; the pass on its own 242.646 × 90 pt page), card
 * media (everything on CR80, the pass centred unstretched), or A4 sheets of 10 with crop marks and mirrored backs.
 * Printing scale is set to "none" so viewers print at 100 %. The file appears only when complete ({@link AtomicFiles}).
 */
public final class PdfCardWriter implements AutoCloseable {
    /** Page layouts. */
    public enum Layout { CARDS, CARD_MEDIA, A4_SHEETS }

    /** A4 portrait, 2 × 5 CR80 cards with 3 mm gutters (see docs: cards §2.4). */
    static final double A4_W = 210.0;
    static final double A4_H = 297.0;
    static final double GUTTER = 3.0;
    static final double SHEET_LEFT = (A4_W - 2 * 85.60 - GUTTER) / 2;
    static final double SHEET_TOP = (A4_H - 5 * 53.98 - 4 * GUTTER) / 2;
    public static final int PER_SHEET = 10;

    private record Pending(CardTemplate template, CardContext context) {
    }

    private final Path out;
    private final Layout layout;
    private final int dpi;
    private final CardRenderer renderer;
    private final PDDocument doc;
    private final PdfCanvas.Resources resources;
    private final List<Pending> sheet = new ArrayList<>();
    private int cards;
    private boolean closed;

    /**
     * @param dpi the device grid QR modules are snapped to (the card printer's resolution)
     */
    public PdfCardWriter(Path out, Layout layout, int dpi, CardRenderer renderer) throws IOException {
        this.out = out;
        this.layout = layout;
        this.dpi = dpi;
        this.renderer = renderer;
        this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        this.resources = new PdfCanvas.Resources(doc);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setPrintScaling(PDViewerPreferences.PRINT_SCALING.None);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
        PDDocumentInformation info = new PDDocumentInformation();
        info.setCreator("Carnet");
        info.setProducer("Carnet (Apache PDFBox)");
        doc.setDocumentInformation(info);
    }

    /** Adds one card, front then back. */
    public void add(CardDesign design, CardData data) throws AppException, IOException {
        CardTemplate t = renderer.prepare(design, data);
        CardContext ctx = renderer.context(t, design, data);
        cards++;
        if (layout == Layout.A4_SHEETS) {
            sheet.add(new Pending(t, ctx));
            if (sheet.size() == PER_SHEET) {
                flushSheet();
            }
            return;
        }
        page(t, ctx, Side.FRONT);
        page(t, ctx, Side.BACK);
    }

    /** Adds a single side of one card (one page; on sheets, a sheet of that side only). */
    public void addSide(CardDesign design, CardData data, Side side) throws AppException, IOException {
        CardTemplate t = renderer.prepare(design, data);
        CardContext ctx = renderer.context(t, design, data);
        cards++;
        if (layout == Layout.A4_SHEETS) {
            sheetPage(List.of(new Pending(t, ctx)), side);
        } else {
            page(t, ctx, side);
        }
    }

    public int cards() {
        return cards;
    }

    public int pages() {
        return doc.getNumberOfPages() + (sheet.isEmpty() ? 0 : 2);
    }

    private void page(CardTemplate t, CardContext ctx, Side side) throws IOException {
        CardFormat f = t.format();
        boolean onCard = layout == Layout.CARD_MEDIA && f != CardFormat.CR80;
        CardFormat pageFormat = onCard ? CardFormat.CR80 : f;
        PDPage page = new PDPage(new PDRectangle((float) pageFormat.widthPt(), (float) pageFormat.heightPt()));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                true)) {
            double top = onCard ? (CardFormat.CR80.heightMm() - f.heightMm()) / 2 : 0;
            if (onCard) {
                PdfCanvas full = new PdfCanvas(cs, resources, pageFormat.heightPt(), 0, 0, pageFormat.widthMm(),
                        pageFormat.heightMm(), dpi);
                Draw.background(full, ctx.design().sovereign().deepBackground());
            }
            draw(cs, pageFormat.heightPt(), 0, top, t, ctx, side);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void draw(PDPageContentStream cs, double pageHeightPt, double x, double y, CardTemplate t,
            CardContext ctx, Side side) throws IOException {
        CardFormat f = t.format();
        PdfCanvas canvas = new PdfCanvas(cs, resources, pageHeightPt, x, y, f.widthMm(), f.heightMm(), dpi);
        cs.saveGraphicsState();
        canvas.clipToCard();
        t.paint(canvas, ctx, side);
        cs.restoreGraphicsState();
    }

    private void flushSheet() throws IOException {
        if (sheet.isEmpty()) {
            return;
        }
        sheetPage(sheet, Side.FRONT);
        sheetPage(sheet, Side.BACK);
        sheet.clear();
    }

    /** One A4 page: cards in reading order on fronts; columns swapped on backs so back n lands behind front n. */
    private void sheetPage(List<Pending> cardsOnSheet, Side side) throws IOException {
        float k = (float) PdfCanvas.PT_PER_MM;
        PDPage page = new PDPage(new PDRectangle((float) (A4_W * k), (float) (A4_H * k)));
        doc.addPage(page);
        double pageH = A4_H * k;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                true)) {
            for (int i = 0; i < cardsOnSheet.size(); i++) {
                int col = i % 2;
                int row = i / 2;
                if (side == Side.BACK) {
                    col = 1 - col;
                }
                double x = SHEET_LEFT + col * (85.60 + GUTTER);
                double y = SHEET_TOP + row * (53.98 + GUTTER);
                Pending p = cardsOnSheet.get(i);
                CardFormat f = p.template().format();
                if (f != CardFormat.CR80) {
                    PdfCanvas cell = new PdfCanvas(cs, resources, pageH, x, y, 85.60, 53.98, dpi);
                    Draw.background(cell, p.context().design().sovereign().deepBackground());
                    y += (53.98 - f.heightMm()) / 2;
                }
                draw(cs, pageH, x, y, p.template(), p.context(), side);
            }
            cropMarks(cs, pageH, k);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void cropMarks(PDPageContentStream cs, double pageH, float k) throws IOException {
        cs.setStrokingColor(0f, 0f, 0f);
        cs.setLineWidth(0.25f);
        double right = SHEET_LEFT + 2 * 85.60 + GUTTER;
        double bottom = SHEET_TOP + 5 * 53.98 + 4 * GUTTER;
        for (int col = 0; col < 2; col++) {
            for (double x : new double[] {SHEET_LEFT + col * (85.60 + GUTTER),
                    SHEET_LEFT + col * (85.60 + GUTTER) + 85.60}) {
                line(cs, pageH, k, x, 1.0, x, SHEET_TOP - 1.5);
                line(cs, pageH, k, x, bottom + 1.5, x, A4_H - 1.0);
            }
        }
        for (int row = 0; row < 5; row++) {
            for (double y : new double[] {SHEET_TOP + row * (53.98 + GUTTER),
                    SHEET_TOP + row * (53.98 + GUTTER) + 53.98}) {
                line(cs, pageH, k, 3.0, y, SHEET_LEFT - 2.0, y);
                line(cs, pageH, k, right + 2.0, y, A4_W - 3.0, y);
            }
        }
        cs.stroke();
    }

    private static void line(PDPageContentStream cs, double pageH, float k, double x1, double y1, double x2,
            double y2) throws IOException {
        cs.moveTo((float) (x1 * k), (float) (pageH - y1 * k));
        cs.lineTo((float) (x2 * k), (float) (pageH - y2 * k));
    }

    /**
     * Writes the remaining sheet and saves the document through a temporary file beside the target moved into place.
     *
     * @throws AppException {@code render.error.write} naming the file, on any I/O failure (no partial file is left)
     */
    @Override
    public void close() throws IOException, AppException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushSheet();
            AtomicFiles.writeBinary(out, "render.error.write", doc::save);
        } finally {
            doc.close();
        }
    }

    /** Abandons the document: nothing is written. */
    public void discard() throws IOException {
        if (!closed) {
            closed = true;
            doc.close();
        }
    }
}
