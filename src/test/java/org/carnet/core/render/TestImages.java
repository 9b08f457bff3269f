package org.carnet.core.render;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.AppException;

/** Test logos and QR decoding from rasters. */
public final class TestImages {
    private TestImages() {
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TestImages.class.getResourceAsStream("/render/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<Logo> threeLogos() throws IOException, AppException {
        return List.of(Logo.read(resource("logo-ministry.png")), Logo.read(resource("logo-partner.png")),
                Logo.read(resource("logo-gov.jpg")));
    }

    /**
     * Decodes the card's QR code with ZXing, as a phone would after framing it: the whole image first, then square
     * windows across it (ZXing's detector can lock onto text when the QR is a small part of a busy image).
     */
    public static Result decode(BufferedImage img) throws Exception {
        try {
            return decodeWhole(img);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            int full = Math.min(img.getWidth(), img.getHeight());
            for (int side : new int[] {full, full * 2 / 3, full / 2, full * 2 / 5}) {
                for (int y = 0; y + side <= img.getHeight(); y += Math.max(1, side / 6)) {
                    for (int x = 0; x + side <= img.getWidth(); x += Math.max(1, side / 6)) {
                        try {
                            return decodeWhole(img.getSubimage(x, y, side, side));
                        } catch (NotFoundException | ChecksumException | FormatException next) {
                            // try the next window
                        }
                    }
                }
            }
            throw e;
        }
    }

    private static Result decodeWhole(BufferedImage img) throws NotFoundException, ChecksumException,
            FormatException {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(),
                img.getHeight(), px)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }
}
