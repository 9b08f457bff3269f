package org.carnet.core.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FEBRL benchmark files (src/test/resources/mpi) with their ground truth, and the pairwise scores of mpi.md. */
final class Febrl {
    private static final Pattern ENTITY = Pattern.compile("^rec-(\\d+)-");

    final List<PersonFields> records = new ArrayList<>();
    final Map<String, Integer> entity = new HashMap<>();
    final long truePairs;

    Febrl(String resource) throws IOException {
        try (InputStream in = Febrl.class.getResourceAsStream("/mpi/" + resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split(",", -1);
                String id = f[0].strip();
                records.add(new PersonFields(id, blank(f[1]), blank(f[2]), blank(f[9]), null, blank(f[6]), null));
                Matcher m = ENTITY.matcher(id);
                m.find();
                entity.put(id, Integer.parseInt(m.group(1)));
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        entity.values().forEach(e -> sizes.merge(e, 1, Integer::sum));
        long t = 0;
        for (int s : sizes.values()) {
            t += (long) s * (s - 1) / 2;
        }
        truePairs = t;
    }

    private static String blank(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    boolean same(String a, String b) {
        return entity.get(a).equals(entity.get(b));
    }

    /** Precision, recall, F1. */
    record Prf(double precision, double recall, double f1, long tp, long fp) {
        static Prf of(long tp, long fp, long truePairs) {
            double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double r = tp / (double) truePairs;
            return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, fp);
        }

        @Override
        public String toString() {
            return String.format("P %.4f R %.4f F1 %.4f (tp %d fp %d)", precision, recall, f1, tp, fp);
        }
    }

    /** Pairwise scores at the given thresholds. */
    Prf[] pairs(Linker linker, double... thresholds) {
        long[] tp = new long[thresholds.length];
        long[] fp = new long[thresholds.length];
        linker.pairs(Math.min(thresholds[0], 0.5), (a, b, p) -> {
            boolean same = same(a.id(), b.id());
            for (int i = 0; i < thresholds.length; i++) {
                if (p >= thresholds[i]) {
                    if (same) {
                        tp[i]++;
                    } else {
                        fp[i]++;
                    }
                }
            }
        });
        Prf[] out = new Prf[thresholds.length];
        for (int i = 0; i < thresholds.length; i++) {
            out[i] = Prf.of(tp[i], fp[i], truePairs);
        }
        return out;
    }

    /** Incremental resolution in a seeded random order: pairwise scores of the MPI ids and the review share. */
    record Incremental(Prf prf, int review, int linked) {
    }

    Incremental incremental(long seed) {
        List<PersonFields> shuffled = new ArrayList<>(records);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            PersonFields t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        Linker linker = Linker.train(shuffled, 42);
        AtomicLong next = new AtomicLong();
        List<Linker.Resolution> res = linker.incremental(x -> "M" + next.incrementAndGet());
        Map<String, List<String>> byId = new HashMap<>();
        int review = 0;
        int linked = 0;
        for (Linker.Resolution x : res) {
            byId.computeIfAbsent(x.mpiId(), k -> new ArrayList<>()).add(x.record().id());
            review += x.decision() == Decision.REVIEW ? 1 : 0;
            linked += x.decision() == Decision.LINKED ? 1 : 0;
        }
        long tp = 0;
        long fp = 0;
        for (List<String> group : byId.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (same(group.get(i), group.get(j))) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
        }
        return new Incremental(Prf.of(tp, fp, truePairs), review, linked);
    }

    /** Prints the figures of BENCHMARKS.md. */
    public static void main(String[] args) throws Exception {
        for (String f : args.length > 0 ? args : new String[] {"febrl1.csv", "febrl2.csv", "febrl3.csv"}) {
            Febrl data = new Febrl(f);
            long t0 = System.nanoTime();
            Linker linker = Linker.train(data.records, 42);
            long t1 = System.nanoTime();
            Prf[] prf = data.pairs(linker, 0.5, 0.75, 0.95);
            Incremental inc = data.incremental(7);
            System.out.printf("%s train %.1fs lambda %.6g (true %.6g)%n  p>=0.5 %s%n  p>=0.75 %s%n  p>=0.95 %s%n"
                    + "  incremental %s review %d (%.2f%%) linked %d%n", f, (t1 - t0) / 1e9, linker.model().lambda(),
                    data.truePairs / (data.records.size() * (data.records.size() - 1) / 2.0), prf[0], prf[1], prf[2],
                    inc.prf(), inc.review(), 100.0 * inc.review() / data.records.size(), inc.linked());
        }
    }
}
