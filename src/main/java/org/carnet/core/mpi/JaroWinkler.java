package org.carnet.core.mpi;

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), without allocation for names up to 64 letters. */
final class JaroWinkler {
    private JaroWinkler() {
    }

    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > 64 || lb > 64) {
            return slow(a, b);
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if ((matchedA & (1L << i)) != 0) {
                while ((matchedB & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return winkler(a, b, matches, transpositions / 2.0);
    }

    private static double winkler(String a, String b, int matches, double halfTranspositions) {
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - halfTranspositions) / m) / 3.0;
        int prefix = 0;
        int max = Math.min(4, Math.min(a.length(), b.length()));
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    private static double slow(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int t = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    t++;
                }
                j++;
            }
        }
        return winkler(a, b, matches, t / 2.0);
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at {@code max + 1}. */
    static int osa(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= lb; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[lb], max + 1);
    }
}
