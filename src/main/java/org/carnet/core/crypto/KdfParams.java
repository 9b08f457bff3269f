package org.carnet.core.crypto;

import java.util.Base64;

/**
 * Argon2id parameters, stored in plaintext beside the wrapped key (they are not secret). Production parameters are
 * calibrated on first run ({@link Argon2Kdf#calibrate}); at least {@link #MIN_PRODUCTION_MEMORY_KIB}.
 */
public record KdfParams(String algorithm, int memoryKiB, int iterations, int parallelism, byte[] salt) {
    public static final String ARGON2ID = "argon2id";
    public static final int MIN_PRODUCTION_MEMORY_KIB = 64 * 1024;

    public KdfParams {
        if (!ARGON2ID.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported KDF " + algorithm);
        }
        if (memoryKiB < 1024 || iterations < 1 || parallelism < 1 || salt == null || salt.length < 16) {
            throw new IllegalArgumentException("KDF parameters out of range");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Same cost, fresh salt (used when the passphrase changes). */
    public KdfParams withSalt(byte[] newSalt) {
        return new KdfParams(algorithm, memoryKiB, iterations, parallelism, newSalt);
    }

    /** Compact text form for storage: {@code argon2id$m=65536,t=3,p=2$<salt base64>}. */
    public String encode() {
        return algorithm + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(salt);
    }

    public static KdfParams decode(String s) {
        try {
            String[] parts = s.split("\\$");
            String[] kv = parts[1].split(",");
            int m = Integer.parseInt(kv[0].substring(2));
            int t = Integer.parseInt(kv[1].substring(2));
            int p = Integer.parseInt(kv[2].substring(2));
            return new KdfParams(parts[0], m, t, p, Base64.getDecoder().decode(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed KDF parameters", e);
        }
    }

    @Override
    public String toString() {
        return algorithm + "(m=" + memoryKiB + "KiB,t=" + iterations + ",p=" + parallelism + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfParams k && k.encode().equals(encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }
}
