package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Some valid QR symbols are not found by ZXing's detector (data modules that look like finder patterns): these two
 * card payloads, with the mask ZXing's encoder picks, were printed on cards no ZXing-based scanner could read. The
 * encoder now picks another mask for them.
 */
class QrCodeTest {
    @ParameterizedTest
    @ValueSource(strings = {"CN1:3OEQ852J:SN-MBR-26-NRGK0AQT", "CN1:CZPWRYQ1:SN-MBR-26-NRGK0AQT"})
    void symbolsTheDetectorMissesGetAnotherMask(String payload) throws Exception {
        var plain = Encoder.encode(payload, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
        assertFalse(QrCode.readsBack(plain.getMatrix(), payload), "ZXing's own mask choice is not detected");

        QrCode qr = QrCode.encode(payload);
        int scale = 6;
        int side = qr.sizeWithQuietZone() * scale;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - QrCode.QUIET_ZONE;
                int my = y / scale - QrCode.QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size() && qr.dark(mx, my);
                img.setRGB(x, y, dark ? 0 : 0xFFFFFF);
            }
        }
        assertEquals(payload, TestImages.decode(img).getText());
    }
}
