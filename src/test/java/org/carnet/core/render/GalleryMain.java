package org.carnet.core.render;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every template's front and back (sample data, default design) as 300 DPI PNGs into a folder: the README
 * gallery and a quick way to look at a template while working on it.
 * Usage: {@code GalleryMain OUT_DIR [template...] [--lang en] [--logos] [--stress long|arabic|caps]
 * [--qr bottom_left|center|off]}; extra options are written into the file names.
 */
public final class GalleryMain {
    private GalleryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/cards");
        Files.createDirectories(dir);
        String lang = "fr";
        String suffix = "";
        boolean logos = false;
        String stress = null;
        String qr = null;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> lang = args[++i];
                case "--logos" -> logos = true;
                case "--stress" -> stress = args[++i];
                case "--qr" -> qr = args[++i];
                default -> ids.add(args[i]);
            }
        }
        CardData data = CardData.sample();
        if ("long".equals(stress)) {
            data = data.withNames("Marie-Thérèse Ndèye Fatou Aïssatou Ñiang", "N'DIAYE KOUROUMA DIALLO SY");
        } else if ("arabic".equals(stress)) {
            data = data.withNames("عائشة", "انجاي");
        } else if ("caps".equals(stress)) {
            data = data.withNames("MAMADOU ABDOULAYE MOUHAMADOU", "WWWWWWWWWWWWWWWWWWWWWWWW");
        }
        List<Logo> logoList = logos ? List.of(
                Logo.read(GalleryMain.class.getResourceAsStream("/render/logo-ministry.png").readAllBytes()),
                Logo.read(GalleryMain.class.getResourceAsStream("/render/logo-partner.png").readAllBytes()),
                Logo.read(GalleryMain.class.getResourceAsStream("/render/logo-gov.jpg").readAllBytes())) : List.of();
        suffix += logos ? "-logos" : "";
        suffix += stress != null ? "-" + stress : "";
        suffix += qr != null ? "-qr-" + qr : "";
        if (ids.isEmpty()) {
            ids.addAll(Templates.ids());
        }
        CardRenderer r = new CardRenderer();
        for (String id : ids) {
            CardDesign d = CardDesign.defaults(id).withLanguage(lang).withLogos(logoList);
            if ("off".equals(qr)) {
                d = d.withQr(new CardDesign.QrOptions(false, null, null));
            } else if (qr != null) {
                d = d.withQr(new CardDesign.QrOptions(true,
                        CardDesign.QrPosition.valueOf(qr.toUpperCase(java.util.Locale.ROOT)), null));
            }
            for (Side s : Side.values()) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(id + "-" + s.key() + suffix + ".png"))) {
                    PngOutput.write(r.render(d, data, s, 300), 300, false, out);
                }
            }
        }
    }
}
