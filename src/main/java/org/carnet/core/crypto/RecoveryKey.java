package org.carnet.core.crypto;

import java.util.Arrays;
import java.util.Locale;

/**
 * The recovery key: 256 random bits shown once at set-up, in Crockford Base32 groups of four, with a 4-character
 * check so a typo is told apart from a wrong key. It wraps the data key like the passphrase does (through HKDF:
 * it has full entropy, no slow KDF needed).
 */
public final class RecoveryKey {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int KEY_BYTES = 32;
    private static final int KEY_CHARS = 52;
    private static final int CHECK_CHARS = 4;

    private final byte[] key;

    private RecoveryKey(byte[] key) {
        this.key = key;
    }

    public static RecoveryKey generate() {
        return new RecoveryKey(Crypto.randomBytes(KEY_BYTES));
    }

    /** Parses what a person typed: case, spaces and dashes do not matter; O→0, I/L→1. */
    public static RecoveryKey parse(String text) throws IllegalArgumentException {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            sb.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        if (sb.length() != KEY_CHARS + CHECK_CHARS) {
            throw new IllegalArgumentException("a recovery key has " + (KEY_CHARS + CHECK_CHARS) + " characters");
        }
        byte[] key = decode(sb.substring(0, KEY_CHARS), KEY_BYTES);
        if (!check(key).equals(sb.substring(KEY_CHARS))) {
            throw new IllegalArgumentException("the recovery key has a typo (check characters do not match)");
        }
        return new RecoveryKey(key);
    }

    /** The printable form: 14 groups of 4 characters. */
    public String display() {
        String all = encode(key) + check(key);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.length(); i += 4) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(all, i, Math.min(all.length(), i + 4));
        }
        return sb.toString();
    }

    /** The key-encryption key this recovery key stands for. */
    public byte[] keyEncryptionKey() {
        return Crypto.hkdf(key, "carnet/recovery-kek/v1", 32);
    }

    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    private static String check(byte[] key) {
        byte[] h = Crypto.sha256(key);
        return encode(Arrays.copyOf(h, 3)).substring(0, CHECK_CHARS);
    }

    static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }

    static byte[] decode(String s, int length) {
        byte[] out = new byte[length];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            int v = Arrays.binarySearch(ALPHABET, c);
            if (v < 0) {
                throw new IllegalArgumentException("not a recovery-key character: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8 && n < length) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RecoveryKey<redacted>";
    }
}
