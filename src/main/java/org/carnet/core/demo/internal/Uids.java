package org.carnet.core.demo.internal;

import java.util.regex.Pattern;

/**
 * DHIS2 UIDs ({@code ^[a-zA-Z][a-zA-Z0-9]{10}$}) derived from the seed. Metadata UIDs come from a name; entity and
 * enrollment UIDs encode their index through a keyed 48-bit Feistel permutation, so they look random yet map back
 * to the index without any lookup table (100,000 entities need no UID map in memory).
 */
final class Uids {
    /** The DHIS2 UID format. */
    static final Pattern UID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]{10}$");

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUM = "0123456789" + LETTERS;
    private static final long MASK24 = 0xFFFFFFL;
    private static final long MASK48 = 0xFFFFFFFFFFFFL;
    private static final int ROUNDS = 4;

    private final long[] keys = new long[ROUNDS];

    /** A coder for one namespace (entities, enrollments…) of one seed. */
    Uids(long seed, String namespace) {
        long base = Hashing.mix(seed, namespace);
        for (int r = 0; r < ROUNDS; r++) {
            keys[r] = Hashing.mix(base, r);
        }
    }

    /** The UID of a metadata object, from its stable name. */
    static String named(long seed, String name) {
        Hashing.Draws d = new Hashing.Draws(seed, Hashing.mix(seed, "uid:" + name), 0x5549_44L);
        char[] out = new char[11];
        out[0] = LETTERS.charAt(d.below(LETTERS.length()));
        for (int i = 1; i < out.length; i++) {
            out[i] = ALPHANUM.charAt(d.below(ALPHANUM.length()));
        }
        return new String(out);
    }

    /** The UID of index {@code index} (0 ≤ index < 2^48). */
    String of(long index) {
        long l = (index >>> 24) & MASK24;
        long r = index & MASK24;
        for (int i = 0; i < ROUNDS; i++) {
            long next = l ^ (Hashing.mix(keys[i], r) & MASK24);
            l = r;
            r = next;
        }
        return encode((l << 24) | r);
    }

    /** The index encoded in {@code uid}, or -1 when it is not a UID of this namespace's format. */
    long indexOf(String uid) {
        long v = decode(uid);
        if (v < 0) {
            return -1;
        }
        long l = (v >>> 24) & MASK24;
        long r = v & MASK24;
        for (int i = ROUNDS - 1; i >= 0; i--) {
            long prev = r ^ (Hashing.mix(keys[i], l) & MASK24);
            r = l;
            l = prev;
        }
        return (l << 24) | r;
    }

    /**
     * Letter = v mod 52, then two check characters derived from v (so UIDs do not all start alike and foreign
     * UIDs are rejected), then v / 52 in 8 base-62 digits whose leading one (0 or 1) is spread by the check.
     */
    private String encode(long v) {
        char[] out = new char[11];
        out[0] = LETTERS.charAt((int) (v % 52));
        long check = Hashing.mix(keys[0], v, 0x434B);
        out[1] = ALPHANUM.charAt(Hashing.below(check, 62));
        out[2] = ALPHANUM.charAt(Hashing.below(check >>> 20, 62));
        long w = v / 52;
        for (int i = 10; i >= 4; i--) {
            out[i] = ALPHANUM.charAt((int) (w % 62));
            w /= 62;
        }
        // w is now 0 or 1 (v / 52 < 2 * 62^7): spread it over the alphabet with a check-derived odd/even offset
        out[3] = ALPHANUM.charAt((int) w + 2 * Hashing.below(check >>> 40, 31));
        return new String(out);
    }

    private long decode(String uid) {
        if (uid == null || !UID.matcher(uid).matches()) {
            return -1;
        }
        long w = ALPHANUM.indexOf(uid.charAt(3)) % 2;
        for (int i = 4; i <= 10; i++) {
            w = w * 62 + ALPHANUM.indexOf(uid.charAt(i));
        }
        if (w > MASK48 / 52) {
            return -1;
        }
        long v = w * 52 + LETTERS.indexOf(uid.charAt(0));
        return v <= MASK48 && encode(v).equals(uid) ? v : -1;
    }
}
