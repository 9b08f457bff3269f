package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.AppException;
import org.junit.jupiter.api.Test;

/** The design model: JSON round trip with logos, versions, validation, colours and contrast, sensitive fields. */
class DesignTest {

    @Test
    void jsonRoundTripKeepsEverythingIncludingLogos() throws Exception {
        CardDesign d = CardDesign.defaults("sovereign").withLanguage("en")
                .withColours(Rgb.of("#123456"), null, Rgb.of("#FFCC00")).withLogos(TestImages.threeLogos())
                .withAttributes(List.of("zone", "beneficiary_id"))
                .withTitles("Programme élargi", "Ministère de la Santé", CardDesign.TitleSize.LARGE)
                .withQr(new CardDesign.QrOptions(true, CardDesign.QrPosition.BOTTOM_LEFT, CardDesign.QrSize.LARGE))
                .withShowMpiId(false)
                .withSovereign(new CardDesign.Sovereign(Rgb.of("#C0A040"), Rgb.of("#101820"), Rgb.of("#000000"),
                        1.1, 3));
        String json = DesignJson.write(d);
        assertTrue(json.contains("\"version\" : 1"), json.substring(0, 200));
        assertTrue(json.contains("\"accent_hex\" : \"#C0A040\""));
        CardDesign back = DesignJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(d.template(), back.template());
        assertEquals("en", back.language());
        assertEquals(Rgb.of("#123456"), back.primary());
        assertEquals(null, back.secondary());
        assertEquals(d.attributes(), back.attributes());
        assertEquals(d.title(), back.title());
        assertEquals(d.qr(), back.qr());
        assertEquals(false, back.showMpiId());
        assertEquals(d.sovereign(), back.sovereign());
        assertEquals(3, back.logos().size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(d.logos().get(i).bytes(), back.logos().get(i).bytes());
        }
        assertEquals(DesignJson.hash(d), DesignJson.hash(back), "the design hash is stable across export/import");
        assertNotEquals(DesignJson.hash(d), DesignJson.hash(d.withLanguage("fr")));
    }

    @Test
    void badFilesAreRefusedWithAClearReason() {
        assertKey("render.error.design.json", "{not json");
        assertKey("render.error.design.version", "{\"template\":\"vital\"}");
        assertKey("render.error.design.newer", "{\"version\":2,\"template\":\"vital\"}");
        assertKey("render.error.design.template", "{\"version\":1,\"template\":\"glossy\"}");
        assertKey("render.error.colour", "{\"version\":1,\"colors\":{\"primary\":\"#12345G\"}}");
        assertKey("render.error.colour", "{\"version\":1,\"colors\":{\"accent\":\"red\"}}");
        assertKey("render.error.colour", "{\"version\":1,\"sovereign\":{\"bg_hex\":\"#0D1B2A00\"}}");
        assertKey("render.error.design.language", "{\"version\":1,\"language\":\"de\"}");
        assertKey("render.error.design.value", "{\"version\":1,\"qr_code\":{\"position\":\"top\"}}");
        assertKey("render.error.design.fontScale", "{\"version\":1,\"sovereign\":{\"font_scale\":4}}");
        assertKey("render.error.design.maxAttrs", "{\"version\":1,\"sovereign\":{\"max_attrs\":9}}");
        assertKey("render.error.design.attributeKey", "{\"version\":1,\"attributes\":[\"Robert'); DROP\"]}");
        assertKey("render.error.logo.unreadable", "{\"version\":1,\"logos\":[{\"data\":\"%%%\"}]}");
        assertKey("render.error.logo.format", "{\"version\":1,\"logos\":[{\"data\":\"R0lGODlhAQABAAAAACw=\"}]}");
    }

    @Test
    void coloursAreValidatedAndTextPicksTheReadableColour() throws Exception {
        assertEquals(new Rgb(0x0B, 0x5F, 0xA5), Rgb.parse("#0b5fa5", "primary"));
        assertEquals(new Rgb(0xFF, 0xCC, 0x00), Rgb.parse("FC0", "primary"));
        AppException e = assertThrows(AppException.class, () -> Rgb.parse("#GG0000", "primary"));
        assertEquals(Rgb.INVALID_KEY, e.messageKey());
        assertThrows(AppException.class, () -> Rgb.parse("", "primary"));
        assertThrows(AppException.class, () -> Rgb.parse(null, "primary"));
        assertEquals(Rgb.WHITE, Rgb.of("#0D1B2A").textOn());
        Rgb onYellow = Rgb.of("#FFD600").textOn();
        assertTrue(Rgb.of("#FFD600").contrast(onYellow) >= 7, "dark text on yellow");
        // Whatever the background, the chosen text colour reaches at least 4.5:1 (WCAG AA).
        for (int v = 0; v < 256; v += 17) {
            for (Rgb bg : List.of(new Rgb(v, v, v), new Rgb(v, 255 - v, 128), new Rgb(255, v, 0))) {
                assertTrue(bg.contrast(bg.textOn()) >= 4.5, bg.hex());
            }
        }
        assertEquals(Rgb.WHITE.textOn(), Rgb.WHITE.readable(Rgb.of("#FFFF00"), 3), "yellow on white falls back");
        assertEquals(Rgb.of("#0B5FA5"), Rgb.WHITE.readable(Rgb.of("#0B5FA5"), 3), "blue on white is kept");
    }

    @Test
    void aSensitiveAttributeIsNeverPrinted() throws Exception {
        Map<String, CardData.Attribute> attrs = new LinkedHashMap<>(CardData.sample().attributes());
        attrs.put("hiv_status", new CardData.Attribute("Statut VIH", "", true));
        CardData data = CardData.sample().withAttributes(attrs);
        CardDesign d = CardDesign.defaults("pulse").withAttributes(List.of("zone", "hiv_status"));
        AppException e = assertThrows(AppException.class, () -> new CardRenderer().render(d, data, Side.FRONT, 300));
        assertEquals("render.error.sensitive", e.messageKey());
        assertThrows(AppException.class, () -> d.checkSensitive(k -> k.equals("hiv_status")));
        // Not selected: the card renders and the value is not on it.
        new CardRenderer().render(CardDesign.defaults("pulse"), data, Side.FRONT, 300);
    }

    @Test
    void limitsAreEnforced() {
        CardDesign four = CardDesign.defaults("vital").withAttributes(List.of("a", "b", "c", "d", "e", "f", "g"));
        assertEquals("render.error.design.attributes", assertThrows(AppException.class, four::validate).messageKey());
        CardDesign longTitle = CardDesign.defaults("vital").withTitles("x".repeat(81), null, null);
        assertEquals("render.error.design.text", assertThrows(AppException.class, longTitle::validate).messageKey());
    }

    private static void assertKey(String key, String json) {
        AppException e = assertThrows(AppException.class, () -> DesignJson.read(json.getBytes(StandardCharsets.UTF_8)),
                json);
        assertEquals(key, e.messageKey(), json);
    }
}
