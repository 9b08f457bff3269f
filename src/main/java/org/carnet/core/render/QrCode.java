package org.carnet.core.render;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.HashMap;
import java.util.Map;
import org.carnet.core.common.AppException;

/**
 * A QR symbol (error correction M): its modules, without the quiet zone. Drawn by a {@link CardCanvas} in pure black on
 * white with a quiet zone of {@value #QUIET_ZONE} modules and a whole number of device dots per module.
 */
public final class QrCode {
    /** Quiet zone on every side, in modules (ISO/IEC 18004 minimum). */
    public static final int QUIET_ZONE = 4;

    private final boolean[][] dark;
    private final int version;

    private QrCode(boolean[][] dark, int version) {
        this.dark = dark;
        this.version = version;
    }

    /**
     * Encodes {@code content}; upper-case payloads land in the compact alphanumeric mode. The symbol is then read back
     * by ZXing's detector from a clean raster: a few valid symbols (about one in a thousand) have data modules that
     * mislead finder-pattern detection, so scanner apps built on it cannot find them. Such a symbol is encoded again
     * with another of the eight masks until one reads back.
     */
    public static QrCode encode(String content) throws AppException {
        try {
            QRCode qr = encode(content, -1);
            if (!readsBack(qr.getMatrix(), content)) {
                for (int mask = 0; mask < 8; mask++) {
                    if (mask == qr.getMaskPattern()) {
                        continue;
                    }
                    QRCode other = encode(content, mask);
                    if (readsBack(other.getMatrix(), content)) {
                        qr = other;
                        break;
                    }
                }
            }
            ByteMatrix m = qr.getMatrix();
            boolean[][] d = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    d[y][x] = m.get(x, y) == 1;
                }
            }
            return new QrCode(d, qr.getVersion().getVersionNumber());
        } catch (WriterException e) {
            throw new AppException("render.error.qr", "QR payload too large", e);
        }
    }

    private static QRCode encode(String content, int mask) throws WriterException {
        Map<EncodeHintType, Object> hints = new HashMap<>();
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        return Encoder.encode(content, ErrorCorrectionLevel.M, hints);
    }

    /** Whether ZXing finds and decodes the symbol drawn at 4 pixels per module with its quiet zone. */
    static boolean readsBack(ByteMatrix m, String content) {
        int scale = 4;
        int side = (m.getWidth() + 2 * QUIET_ZONE) * scale;
        int[] px = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - QUIET_ZONE;
                int my = y / scale - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my) == 1;
                px[y * side + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        try {
            return content.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(side, side, px)))).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return dark.length;
    }

    /** Modules per side including the quiet zone on both sides. */
    public int sizeWithQuietZone() {
        return dark.length + 2 * QUIET_ZONE;
    }

    public int version() {
        return version;
    }

    public boolean dark(int x, int y) {
        return dark[y][x];
    }

    /**
     * Dots per module at {@code dpi} for the largest symbol (quiet zone included) that fits {@code maxMm}; at least 1.
     */
    public int dotsPerModule(double maxMm, int dpi) {
        return Math.max(1, (int) Math.floor(maxMm * dpi / 25.4 / sizeWithQuietZone()));
    }

    /** Side in millimetres of the symbol with its quiet zone when drawn at {@code dpi} to fit {@code maxMm}. */
    public double sideMm(double maxMm, int dpi) {
        return dotsPerModule(maxMm, dpi) * sizeWithQuietZone() * 25.4 / dpi;
    }
}
