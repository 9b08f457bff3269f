package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.carnet.core.common.AppException;
import org.junit.jupiter.api.Test;

/** Hostile logo files are refused cleanly, before any large allocation; good ones keep their aspect ratio. */
class LogoTest {

    @Test
    void goodLogosAreReadAndFitWithTheirAspectRatio() throws Exception {
        Logo png = Logo.read(TestImages.resource("logo-ministry.png"));
        Logo jpg = Logo.read(TestImages.resource("logo-gov.jpg"));
        assertEquals(2.0, (double) png.width() / png.height(), 0.02);
        assertEquals(3.0, (double) jpg.width() / jpg.height(), 0.02);
        Rectangle2D box = png.fit(0, 0, 20, 20);
        assertEquals(20, box.getWidth(), 1e-9);
        assertEquals(10, box.getHeight(), 1e-9);
        assertEquals(5, box.getY(), 1e-9, "centred vertically");
        assertEquals(64, png.sha256().length());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        // A valid PNG of a few hundred bytes whose header claims 60,000 × 60,000 pixels (14 GB decoded).
        byte[] bomb = png(60_000, 60_000, new byte[1000]);
        assertTrue(bomb.length < 2_000);
        long before = usedHeap();
        AppException e = assertThrows(AppException.class, () -> Logo.read(bomb));
        assertEquals("render.error.logo.tooLarge", e.messageKey());
        assertTrue(usedHeap() - before < 64L * 1024 * 1024, "nothing large was allocated");
    }

    @Test
    void otherHostileFilesAreRefused() throws Exception {
        assertKey("render.error.logo.unreadable", new byte[0]);
        assertKey("render.error.logo.format", "GIF89a....".getBytes());
        assertKey("render.error.logo.format", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes());
        byte[] good = TestImages.resource("logo-ministry.png");
        assertKey("render.error.logo.unreadable", Arrays.copyOf(good, 60), "truncated PNG");
        byte[] jpg = TestImages.resource("logo-gov.jpg");
        assertKey("render.error.logo.unreadable", Arrays.copyOf(jpg, jpg.length / 3), "truncated JPEG");
        assertKey("render.error.logo.tooSmall", encode(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB)));
        byte[] huge = new byte[Logo.MAX_BYTES + 1];
        System.arraycopy(good, 0, huge, 0, good.length);
        assertKey("render.error.logo.tooBig", huge);
    }

    private static void assertKey(String key, byte[] bytes) {
        assertKey(key, bytes, key);
    }

    private static void assertKey(String key, byte[] bytes, String why) {
        AppException e = assertThrows(AppException.class, () -> Logo.read(bytes), why);
        assertEquals(key, e.messageKey(), why);
    }

    private static byte[] encode(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A syntactically valid grey PNG with the given header size and some compressed zeros. */
    private static byte[] png(int w, int h, byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[4096];
        int n = d.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
