package org.carnet.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template's front and back with the sample data, compared with the reviewed images in
 * {@code src/test/resources/render/golden/} (half resolution): at most 0.5 % of the pixels may differ by more than a
 * small amount, which absorbs anti-aliasing differences between JDKs and operating systems but catches any layout,
 * colour or text change. After an intended change, look at the new images and refresh them with
 * {@code mvn -B test -Dtest=GoldenImageTest -Dcarnet.updateGoldens=true}.
 */
class GoldenImageTest {
    private static final double MAX_DIFFERENT = 0.005;
    private static final int CHANNEL_TOLERANCE = 48;

    static List<String> cases() {
        List<String> out = new ArrayList<>();
        for (String t : Templates.ids()) {
            for (Side s : Side.values()) {
                out.add(t + "-" + s.key());
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReviewedImage(String name) throws Exception {
        String[] parts = name.split("-");
        BufferedImage full = new CardRenderer().render(CardDesign.defaults(parts[0]), CardData.sample(),
                Side.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)), 300);
        BufferedImage half = RenderBenchmark.scale(full, full.getWidth() / 2);
        if (Boolean.getBoolean("carnet.updateGoldens")) {
            Path dir = Path.of("src/test/resources/render/golden");
            Files.createDirectories(dir);
            ImageIO.write(half, "png", dir.resolve(name + ".png").toFile());
            return;
        }
        BufferedImage golden;
        try (InputStream in = GoldenImageTest.class.getResourceAsStream("/render/golden/" + name + ".png")) {
            assertNotNull(in, "no golden image for " + name + ": run with -Dcarnet.updateGoldens=true and review it");
            golden = ImageIO.read(in);
        }
        assertEquals(golden.getWidth(), half.getWidth(), name);
        assertEquals(golden.getHeight(), half.getHeight(), name);
        long different = 0;
        for (int y = 0; y < half.getHeight(); y++) {
            for (int x = 0; x < half.getWidth(); x++) {
                int a = half.getRGB(x, y);
                int b = golden.getRGB(x, y);
                if (Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) > CHANNEL_TOLERANCE
                        || Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) > CHANNEL_TOLERANCE
                        || Math.abs((a & 0xFF) - (b & 0xFF)) > CHANNEL_TOLERANCE) {
                    different++;
                }
            }
        }
        double share = (double) different / (half.getWidth() * half.getHeight());
        assertTrue(share <= MAX_DIFFERENT, name + ": " + String.format("%.2f", share * 100)
                + " % of the pixels differ from the reviewed image");
    }
}
