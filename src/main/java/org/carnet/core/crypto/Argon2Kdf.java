package org.carnet.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Passphrase → 256-bit key-encryption key with Argon2id (BouncyCastle). */
public final class Argon2Kdf {
    public static final double TARGET_MIN_SECONDS = 0.5;
    public static final double TARGET_MAX_SECONDS = 1.0;
    private static final int MAX_ITERATIONS = 12;

    private Argon2Kdf() {
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[16];
        Crypto.RANDOM.nextBytes(salt);
        return salt;
    }

    /** Derives 32 bytes. The passphrase is NFC-normalised first, so “é” typed two ways gives one key. */
    public static byte[] derive(char[] passphrase, KdfParams params) {
        byte[] pw = utf8(passphrase);
        try {
            Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(params.memoryKiB())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .withSalt(params.salt())
                    .build();
            Argon2BytesGenerator gen = new Argon2BytesGenerator();
            gen.init(p);
            byte[] out = new byte[32];
            gen.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    static byte[] utf8(char[] passphrase) {
        String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        ByteBuffer bb = StandardCharsets.UTF_8.encode(normalized);
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    /**
     * Picks parameters that take about 0.5–1 s on this machine, with at least 64 MiB of memory: memory first
     * (up to 256 MiB), then iterations.
     */
    public static KdfParams calibrate() {
        int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        int memory = KdfParams.MIN_PRODUCTION_MEMORY_KIB;
        int iterations = 1;
        char[] probe = "calibration probe".toCharArray();
        while (true) {
            KdfParams candidate = new KdfParams(KdfParams.ARGON2ID, memory, iterations, parallelism, newSalt());
            long t0 = System.nanoTime();
            derive(probe, candidate);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (seconds >= TARGET_MIN_SECONDS || iterations >= MAX_ITERATIONS) {
                return candidate;
            }
            double factor = TARGET_MIN_SECONDS * 1.2 / Math.max(seconds, 0.01);
            if (memory < 256 * 1024 && seconds * 2 < TARGET_MAX_SECONDS) {
                memory = Math.min(256 * 1024, memory * 2);
            } else {
                iterations = Math.min(MAX_ITERATIONS, Math.max(iterations + 1, (int) Math.ceil(iterations * factor)));
            }
        }
    }

    /** Cheap parameters for tests and benchmarks of everything but the KDF; never used for a real registry. */
    public static KdfParams forTests() {
        return new KdfParams(KdfParams.ARGON2ID, 8 * 1024, 1, 1, newSalt());
    }

    static SecureRandom random() {
        return Crypto.RANDOM;
    }
}
