package org.carnet.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** Small shared primitives: the CSPRNG, HKDF-SHA256, SHA-256. */
public final class Crypto {
    static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** HKDF-SHA256 (RFC 5869) with an empty salt: distinct sub-keys from one key, separated by {@code info}. */
    public static byte[] hkdf(byte[] key, String info, int length) {
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(key, null, info.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        gen.generateBytes(out, 0, length);
        return out;
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** Constant-time comparison. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
