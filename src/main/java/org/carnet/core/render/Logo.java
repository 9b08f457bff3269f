package org.carnet.core.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.carnet.core.common.AppException;

/**
 * A validated logo: PNG or JPEG, at most {@value #MAX_BYTES} bytes and {@value #MAX_SIDE} px a side, at least
 * {@value #MIN_WIDTH} × {@value #MIN_HEIGHT} px. The dimensions are read from the header before anything is decoded,
 * so a decompression bomb (a tiny file claiming a huge image) is refused without allocating it. Drawn with its aspect
 * ratio kept.
 */
public final class Logo {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    public static final int MIN_WIDTH = 100;
    public static final int MIN_HEIGHT = 50;
    /** Longest side kept in memory: enough for 25 mm at 600 DPI. */
    private static final int KEEP_SIDE = 640;

    private final byte[] bytes;
    private final BufferedImage image;
    private final String sha256;
    private final Map<Long, BufferedImage> scaled = new ConcurrentHashMap<>();

    private Logo(byte[] bytes, BufferedImage image) {
        this.bytes = bytes.clone();
        this.image = image;
        this.sha256 = hash(bytes);
    }

    /**
     * Reads and validates a logo file's bytes.
     *
     * @throws AppException {@code render.error.logo.*}: too big, not PNG/JPEG, unreadable, too small, too large
     */
    public static Logo read(byte[] bytes) throws AppException {
        if (bytes == null || bytes.length == 0) {
            throw new AppException("render.error.logo.unreadable", "empty logo file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new AppException("render.error.logo.tooBig", "logo file larger than " + MAX_BYTES + " bytes",
                    MAX_BYTES / (1024 * 1024));
        }
        String format = sniff(bytes);
        if (format == null) {
            throw new AppException("render.error.logo.format", "logo is not a PNG or JPEG file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new AppException("render.error.logo.unreadable", "no reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw new AppException("render.error.logo.tooLarge", "logo dimensions " + w + "x" + h, w, h,
                            MAX_SIDE);
                }
                if (w < MIN_WIDTH || h < MIN_HEIGHT) {
                    throw new AppException("render.error.logo.tooSmall", "logo dimensions " + w + "x" + h, w, h,
                            MIN_WIDTH, MIN_HEIGHT);
                }
                boolean[] damaged = new boolean[1];
                reader.addIIOReadWarningListener((source, warning) -> damaged[0] = true);
                BufferedImage decoded = reader.read(0);
                if (damaged[0]) {
                    throw new AppException("render.error.logo.unreadable", "logo data is damaged");
                }
                return new Logo(bytes, normalise(decoded));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new AppException("render.error.logo.unreadable", "logo cannot be decoded", e);
        }
    }

    /** The file's bytes as given (for design export). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** SHA-256 of the file's bytes, hex: identifies the logo in a design hash. */
    public String sha256() {
        return sha256;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    BufferedImage image() {
        return image;
    }

    /** The largest box with the logo's aspect ratio inside the box given, centred in it (millimetres). */
    public Rectangle2D fit(double x, double y, double w, double h) {
        double ratio = (double) image.getWidth() / image.getHeight();
        double fw = w;
        double fh = w / ratio;
        if (fh > h) {
            fh = h;
            fw = h * ratio;
        }
        return new Rectangle2D.Double(x + (w - fw) / 2, y + (h - fh) / 2, fw, fh);
    }

    /** The logo resized to {@code w} × {@code h} device pixels with good quality (halving steps, then bicubic). */
    BufferedImage scaled(int w, int h) {
        return scaled.computeIfAbsent((long) w << 32 | h, k -> resize(image, w, h));
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage cur = src;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage normalise(BufferedImage decoded) {
        if (decoded == null) {
            throw new IllegalStateException("no image");
        }
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        double k = Math.min(1.0, (double) KEEP_SIDE / Math.max(w, h));
        return resize(decoded, Math.max(1, (int) Math.round(w * k)), Math.max(1, (int) Math.round(h * k)));
    }

    private static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
