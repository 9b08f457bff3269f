package org.carnet.core.demo.internal;

/** Deterministic pseudo-random values from a seed and integer coordinates (SplitMix64 mixing, no state). */
final class Hashing {
    private Hashing() {
    }

    /** A well-mixed 64-bit value for the given coordinates. */
    static long mix(long seed, long a) {
        return finish(seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }

    static long mix(long seed, long a, long b) {
        return mix(mix(seed, a), b);
    }

    /** A 64-bit value for a text (stable across JVMs, unlike String.hashCode spread). */
    static long mix(long seed, String text) {
        long h = seed;
        for (int i = 0; i < text.length(); i++) {
            h = mix(h, text.charAt(i));
        }
        return mix(h, text.length());
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound) from a hash. */
    static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }

    /** A stream of draws for one subject: each call to {@link #next()} gives another independent value. */
    static final class Draws {
        private final long base;
        private long counter;

        Draws(long seed, long subject, long purpose) {
            this.base = mix(seed, subject, purpose);
        }

        long next() {
            return mix(base, ++counter);
        }

        double unit() {
            return Hashing.unit(next());
        }

        int below(int bound) {
            return Hashing.below(next(), bound);
        }

        boolean chance(double p) {
            return unit() < p;
        }

        <T> T pick(T[] items) {
            return items[below(items.length)];
        }

        <T> T pick(java.util.List<T> items) {
            return items.get(below(items.size()));
        }
    }
}
