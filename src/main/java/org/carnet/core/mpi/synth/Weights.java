package org.carnet.core.mpi.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws an index in proportion to fixed weights (binary search over the cumulative shares). */
final class Weights {
    private final double[] cumulative;

    Weights(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("weights must be positive");
            }
            total += w;
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        cumulative[weights.length - 1] = 1.0;
    }

    /**
     * Zipf–Mandelbrot weights for ranks 1..n: the item of rank k weighs 1 / (k + offset)^exponent. The offset
     * flattens the head (the first few items are closer in frequency than pure Zipf would make them).
     */
    static Weights zipf(int n, double exponent, double offset) {
        double[] w = new double[n];
        for (int k = 1; k <= n; k++) {
            w[k - 1] = 1.0 / Math.pow(k + offset, exponent);
        }
        return new Weights(w);
    }

    int draw(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return i >= 0 ? i + 1 : -i - 1;
    }
}
