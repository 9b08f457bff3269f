package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact sizes of PNG and PDF output per template and side, DPI metadata, QR read back, vector text, layouts. */
class RenderOutputTest {
    @TempDir
    Path dir;

    private final CardRenderer renderer = new CardRenderer();

    static java.util.List<String> templates() {
        return Templates.ids();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void pngHasTheExactSizeAndDpiAndItsQrDecodes(String template) throws Exception {
        CardDesign design = CardDesign.defaults(template);
        CardData data = CardData.sample();
        String payload = QrPayload.SERIAL_AND_MPI_ID.content(data);
        boolean pass = template.equals("sovereign");
        for (Side side : Side.values()) {
            for (int dpi : new int[] {300, 600}) {
                BufferedImage img = renderer.render(design, data, side, dpi);
                int w = dpi == 300 ? 1011 : 2022;
                int h = pass ? (dpi == 300 ? 375 : 750) : (dpi == 300 ? 638 : 1275);
                assertEquals(w, img.getWidth(), template + " " + side + " width at " + dpi);
                assertEquals(h, img.getHeight(), template + " " + side + " height at " + dpi);
                byte[] png = PngOutput.bytes(img, dpi, dpi == 600);
                assertEquals(Math.round(dpi / 0.0254), pixelsPerMetre(png), "pHYs of " + template);
                BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
                assertEquals(w, back.getWidth());
                assertEquals(payload, TestImages.decode(back).getText(), template + " " + side + " QR at " + dpi);
            }
        }
    }

    @Test
    void qrModulesArePureBlackAndWholeDots() throws Exception {
        QrCode qr = QrCode.encode("CN1:4F7KQ2MT:SN-DKR-26-K7M2Q9TQ");
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(0x0D1B2A));
        g.fillRect(0, 0, 400, 400);
        Java2DCanvas c = new Java2DCanvas(g, 400 * 25.4 / 300, 400 * 25.4 / 300, 300, 0, 0);
        double side = c.qr(qr, 3.33, 2.71, 20);
        g.dispose();
        int dots = qr.dotsPerModule(20, 300);
        assertTrue(dots >= 4, "at least 4 dots a module at 300 DPI for a standard QR");
        assertEquals(qr.sizeWithQuietZone() * dots * 25.4 / 300, side, 1e-9);
        int ox = (int) Math.ceil(3.33 * 300 / 25.4);
        int oy = (int) Math.ceil(2.71 * 300 / 25.4);
        for (int my = 0; my < qr.sizeWithQuietZone(); my++) {
            for (int mx = 0; mx < qr.sizeWithQuietZone(); mx++) {
                int mxq = mx - QrCode.QUIET_ZONE;
                int myq = my - QrCode.QUIET_ZONE;
                boolean dark = mxq >= 0 && myq >= 0 && mxq < qr.size() && myq < qr.size() && qr.dark(mxq, myq);
                int expected = dark ? 0x000000 : 0xFFFFFF;
                for (int dy = 0; dy < dots; dy++) {
                    for (int dx = 0; dx < dots; dx++) {
                        assertEquals(expected, img.getRGB(ox + mx * dots + dx, oy + my * dots + dy) & 0xFFFFFF,
                                "module " + mx + "," + my);
                    }
                }
            }
        }
        assertEquals(0x0D1B2A, img.getRGB(ox - 1, oy) & 0xFFFFFF, "nothing drawn before the quiet zone");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void pdfPagesHaveTheCardSizeVectorTextAndAReadableQr(String template) throws Exception {
        Path pdf = dir.resolve(template + ".pdf");
        CardData data = CardData.sample();
        try (PdfCardWriter w = new PdfCardWriter(pdf, PdfCardWriter.Layout.CARDS, 300, renderer)) {
            w.add(CardDesign.defaults(template), data);
        }
        boolean pass = template.equals("sovereign");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            for (PDPage page : doc.getPages()) {
                assertEquals(242.646, page.getMediaBox().getWidth(), 0.01);
                assertEquals(pass ? 90.0 : 153.014, page.getMediaBox().getHeight(), 0.01);
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.isEmbedded(), f.getName());
                    assertTrue(f.getName().matches("[A-Z]{6}\\+NotoSans.*"), "subset: " + f.getName());
                }
            }
            String text = new PDFTextStripper().getText(doc);
            // (aurora's stub breaks the id after its last hyphen)
            assertTrue(text.replaceAll("\\s", "").contains(data.mpiId()), "the MPI id is real text in the PDF");
            assertTrue(text.contains("DIOP"), "the name is real text");
            assertEquals(PDViewerPreferences.PRINT_SCALING.None.name(),
                    doc.getDocumentCatalog().getViewerPreferences().getPrintScaling());
            BufferedImage front = new PDFRenderer(doc).renderImageWithDPI(0, 300);
            assertEquals(QrPayload.SERIAL_AND_MPI_ID.content(data), TestImages.decode(front).getText());
            BufferedImage back = new PDFRenderer(doc).renderImageWithDPI(1, 300);
            assertEquals(QrPayload.SERIAL_AND_MPI_ID.content(data), TestImages.decode(back).getText());
        }
    }

    @Test
    void sovereignIsCentredUnstretchedOnCardMedia() throws Exception {
        CardDesign d = CardDesign.defaults("sovereign");
        BufferedImage strip = renderer.render(d, CardData.sample(), Side.FRONT, 300);
        BufferedImage card = renderer.renderOnCard(d, CardData.sample(), Side.FRONT, 300);
        assertEquals(1011, card.getWidth());
        assertEquals(638, card.getHeight());
        int top = (638 - 375) / 2;
        int same = 0;
        for (int y = 0; y < 375; y += 5) {
            for (int x = 0; x < 1011; x += 5) {
                if (strip.getRGB(x, y) == card.getRGB(x, y + top)) {
                    same++;
                }
            }
        }
        assertTrue(same > 0.99 * (75 * 203), "the strip is copied 1:1 into the middle of the card: " + same);
        assertEquals(CardDesign.Sovereign.DEFAULT.deepBackground().argb(), card.getRGB(500, 10));
        Path pdf = dir.resolve("media.pdf");
        try (PdfCardWriter w = new PdfCardWriter(pdf, PdfCardWriter.Layout.CARD_MEDIA, 300, renderer)) {
            w.add(d, CardData.sample());
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(153.014, doc.getPage(0).getMediaBox().getHeight(), 0.01);
            assertEquals(QrPayload.SERIAL_AND_MPI_ID.content(CardData.sample()),
                    TestImages.decode(new PDFRenderer(doc).renderImageWithDPI(0, 300)).getText());
        }
    }

    @Test
    void a4SheetsHoldTenCardsWithMirroredBacks() throws Exception {
        Path pdf = dir.resolve("a4.pdf");
        CardDesign d = CardDesign.defaults("vital");
        try (PdfCardWriter w = new PdfCardWriter(pdf, PdfCardWriter.Layout.A4_SHEETS, 300, renderer)) {
            for (int i = 0; i < 11; i++) {
                w.add(d, CardData.sample().withSerial(CardSerial.withCheck(String.format("%07d", i))));
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(4, doc.getNumberOfPages(), "two sheets, each front and back");
            assertEquals(595.276, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(841.89, doc.getPage(0).getMediaBox().getHeight(), 0.01);
            PDFRenderer r = new PDFRenderer(doc);
            BufferedImage sheet2front = r.renderImageWithDPI(2, 100);
            BufferedImage sheet2back = r.renderImageWithDPI(3, 100);
            // The 11th card sits alone in the first cell: left column on the front, right column on the back.
            int leftCellX = (int) ((PdfCardWriter.SHEET_LEFT + 40) / 25.4 * 100);
            int rightCellX = (int) ((PdfCardWriter.SHEET_LEFT + 85.6 + 3 + 40) / 25.4 * 100);
            int y = (int) ((PdfCardWriter.SHEET_TOP + 9.5) / 25.4 * 100); // in the band, clear of the titles
            int blue = VitalTemplateColour.PRIMARY;
            assertEquals(blue, sheet2front.getRGB(leftCellX, y) & 0xFFFFFF);
            assertEquals(0xFFFFFF, sheet2front.getRGB(rightCellX, y) & 0xFFFFFF);
            assertEquals(0xFFFFFF, sheet2back.getRGB(leftCellX, y) & 0xFFFFFF);
            assertEquals(blue, sheet2back.getRGB(rightCellX, y) & 0xFFFFFF);
        }
    }

    @Test
    void aFailedPdfLeavesNoFile() throws Exception {
        Path pdf = dir.resolve("never.pdf");
        PdfCardWriter w = new PdfCardWriter(pdf, PdfCardWriter.Layout.CARDS, 300, renderer);
        w.add(CardDesign.defaults("vital"), CardData.sample());
        w.discard();
        assertFalse(Files.exists(pdf));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no partial file left behind");
        }
    }

    /** The vital template's default primary colour, as the sheet test samples it. */
    private static final class VitalTemplateColour {
        static final int PRIMARY = 0x0B5FA5;
    }

    private static long pixelsPerMetre(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            ImageReader reader = it.next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
        }
    }
}
