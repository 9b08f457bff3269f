package org.carnet.core.render;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
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

    /** Encodes {@code content}; upper-case payloads land in the compact alphanumeric mode. */
    public static QrCode encode(String content) throws AppException {
        try {
            var qr = Encoder.encode(content, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
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
