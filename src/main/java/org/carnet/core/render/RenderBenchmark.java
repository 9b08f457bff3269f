package org.carnet.core.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.carnet.core.common.AppException;
import org.carnet.core.common.ProgressSink;

/**
 * {@code carnet bench render}: a 300 DPI card rendered and PNG-encoded (median), a preview (300 DPI render scaled to
 * 540 px, as the Card Design tab shows it), and N cards front and back into a CR80 PDF (time, size, peak heap, peak
 * process memory).
 */
public final class RenderBenchmark {
    private static final String[] FIRST = {"Ndèye Aïssatou", "Mamadou", "Fatou", "Cheikh Ahmadou", "Awa", "Ousmane",
        "Mariama", "Ibrahima", "Coumba", "Moussa", "Khady", "Babacar", "Aminata", "Serigne Mbaye", "Rokhaya"};
    private static final String[] LAST = {"DIOP", "NDIAYE", "FALL", "SY", "GUEYE", "BA", "SOW", "CISSÉ", "MBAYE",
        "KANE", "NIANG", "SARR", "FAYE", "DIALLO", "ÑIANG"};

    /** The figures. Times in milliseconds unless named otherwise. */
    public record Result(String template, double renderMs, double encodeMs, double cardPngMs, int pngBytes,
            double previewMs, int pdfCards, double pdfSeconds, long pdfBytes, long peakHeapMiB, long peakRssMiB) {
    }

    private RenderBenchmark() {
    }

    public static Result run(String template, int cards, Path dir, ProgressSink progress)
            throws AppException, IOException {
        CardRenderer renderer = new CardRenderer();
        CardDesign design = CardDesign.defaults(template).validate();
        CardData sample = CardData.sample();
        // Warm-up: JIT, fonts, QR encoder.
        for (int i = 0; i < 30; i++) {
            PngOutput.bytes(renderer.render(design, variant(sample, i), Side.FRONT, 300), 300, true);
        }
        int n = 60;
        double[] render = new double[n];
        double[] encode = new double[n];
        double[] total = new double[n];
        double[] preview = new double[n];
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            CardData d = variant(sample, i);
            long t0 = System.nanoTime();
            BufferedImage img = renderer.render(design, d, Side.FRONT, 300);
            long t1 = System.nanoTime();
            bytes = PngOutput.bytes(img, 300, true).length;
            long t2 = System.nanoTime();
            render[i] = (t1 - t0) / 1e6;
            encode[i] = (t2 - t1) / 1e6;
            total[i] = (t2 - t0) / 1e6;
            long p0 = System.nanoTime();
            BufferedImage full = renderer.render(design, d, Side.FRONT, 300);
            scale(full, 540);
            preview[i] = (System.nanoTime() - p0) / 1e6;
        }
        progress.progress(0, cards);
        resetPeaks();
        Path pdf = dir.resolve("bench-" + template + ".pdf");
        long s0 = System.nanoTime();
        SecureRandom random = new SecureRandom();
        try (PdfCardWriter w = new PdfCardWriter(pdf, PdfCardWriter.Layout.CARDS, 300, renderer)) {
            for (int i = 0; i < cards; i++) {
                w.add(design, variant(sample, i).withSerial(CardSerial.generate(random)));
                if (i % 100 == 99) {
                    progress.progress(i + 1, cards);
                }
            }
        }
        double seconds = (System.nanoTime() - s0) / 1e9;
        long size = Files.size(pdf);
        Files.deleteIfExists(pdf);
        return new Result(template, median(render), median(encode), median(total), bytes, median(preview), cards,
                seconds, size, peakHeapMiB(), peakRssMiB());
    }

    private static CardData variant(CardData base, int i) {
        Random r = new Random(i);
        return base.withNames(FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)]);
    }

    /** The preview step of the design tab: a 300 DPI card scaled down to {@code width} pixels. */
    static BufferedImage scale(BufferedImage src, int width) {
        int h = (int) Math.round((double) src.getHeight() * width / src.getWidth());
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, h, null);
        g.dispose();
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Resets the heap peaks (after a collection) before a measured phase. */
    public static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak heap used since {@link #resetPeaks()}, in MiB. */
    public static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    /** Peak resident memory of the whole process (Linux VmHWM), or -1 where unknown. */
    public static long peakRssMiB() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
