package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template, both sides, with hostile content (very long, all-caps and Arabic names, three logos, every QR
 * position, both languages): no text leaves the card, no text or logo touches the QR, no two texts overlap, the QR
 * keeps the safe zone and is at least 4 dots a module at 300 DPI.
 */
class TemplateLayoutTest {
    private static final double EPS = 0.12;

    static Stream<Arguments> cases() throws Exception {
        List<Logo> logos = TestImages.threeLogos();
        List<Arguments> out = new ArrayList<>();
        String[][] names = {{"Ndèye Aïssatou", "DIOP"}, {"Marie-Thérèse Ndèye Fatou Aïssatou Ñiang",
            "N'DIAYE KOUROUMA DIALLO SY BA"}, {"MAMADOU ABDOULAYE MOUHAMADOU", "WWWWWWWWWWWWWWWWWWWWWWWWWW"},
            {"عائشة بنت محمد", "انجاي"}, {"Ŋoor Ñaan Ëlëk Àddina", "Ndóoy"}};
        for (String t : Templates.ids()) {
            for (CardDesign.QrPosition pos : CardDesign.QrPosition.values()) {
                for (int n = 0; n < names.length; n++) {
                    boolean withLogos = n % 2 == 1;
                    CardDesign d = CardDesign.defaults(t).withLanguage(n % 2 == 0 ? "fr" : "en")
                            .withLogos(withLogos ? logos : List.of())
                            .withQr(new CardDesign.QrOptions(true, pos, CardDesign.QrSize.values()[n % 3]))
                            .withTitles(n == 2 ? "PROGRAMME NATIONAL DE PROTECTION SOCIALE ET DE SANTÉ" : null,
                                    n == 2 ? "Ministère de la Santé et de l’Action sociale" : null,
                                    CardDesign.TitleSize.values()[n % 3]);
                    out.add(Arguments.of(t, d, names[n][0], names[n][1]));
                }
            }
            out.add(Arguments.of(t, CardDesign.defaults(t).withQr(new CardDesign.QrOptions(false, null, null)),
                    "Awa", "SY"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void nothingOverflowsOrOverlaps(String template, CardDesign design, String first, String last) throws Exception {
        CardRenderer renderer = new CardRenderer();
        CardData data = CardData.sample().withNames(first, last);
        CardTemplate t = renderer.prepare(design, data);
        for (Side side : Side.values()) {
            RecordingCanvas c = new RecordingCanvas(t.format());
            t.paint(c, renderer.context(t, design, data), side);
            String where = template + " " + side;
            assertFalse(c.texts.isEmpty(), where);
            for (RecordingCanvas.Box b : c.texts) {
                Rectangle2D r = b.bounds();
                assertTrue(r.getMinX() >= 1.0 - EPS && r.getMaxX() <= c.widthMm() - 1.0 + EPS
                        && r.getMinY() >= 0.8 && r.getMaxY() <= c.heightMm() - 0.5, where + ": text leaves the card: "
                        + b.text() + " " + r);
                for (RecordingCanvas.Box q : c.qrs) {
                    assertFalse(shrink(r).intersects(q.bounds()), where + ": text on the QR: " + b.text());
                }
            }
            for (RecordingCanvas.Box l : c.images) {
                for (RecordingCanvas.Box q : c.qrs) {
                    assertFalse(shrink(l.bounds()).intersects(q.bounds()), where + ": logo on the QR");
                }
            }
            for (int i = 0; i < c.texts.size(); i++) {
                for (int j = i + 1; j < c.texts.size(); j++) {
                    Rectangle2D a = shrink(c.texts.get(i).bounds());
                    Rectangle2D b = shrink(c.texts.get(j).bounds());
                    assertFalse(a.intersects(b), where + ": texts overlap: " + c.texts.get(i).text() + " / "
                            + c.texts.get(j).text());
                }
            }
            for (RecordingCanvas.Box q : c.qrs) {
                Rectangle2D r = q.bounds();
                assertTrue(r.getMinX() >= 0.5 && r.getMaxX() <= c.widthMm() - 0.5 && r.getMinY() >= 0.5
                        && r.getMaxY() <= c.heightMm() - 0.5, where + ": QR outside the card " + r);
            }
            if (side == Side.FRONT) {
                assertEquals(design.qr().enabled() ? 1 : 0, c.qrs.size(), where + ": front QR count");
            }
        }
    }

    private static Rectangle2D shrink(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() + EPS, r.getY() + EPS, Math.max(0, r.getWidth() - 2 * EPS),
                Math.max(0, r.getHeight() - 2 * EPS));
    }
}
