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
     * Picks parameters that take about 0.5–1 s on this machine (aiming at 0.7 s), with at least 64 MiB: one timed
     * run at 64 MiB, then the largest memory up to 256 MiB and the iterations that fit the target (Argon2 time
     * grows linearly with both), checked by a final timed run.
     */
    public static KdfParams calibrate() {
        int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        char[] probe = "calibration probe".toCharArray();
        for (int i = 0; i < 3; i++) {
            derive(probe, forTests()); // warm up the JIT, or the first timing is several times too slow
        }
        int base = KdfParams.MIN_PRODUCTION_MEMORY_KIB;
        double perPass = Math.max(0.005, time(probe, new KdfParams(KdfParams.ARGON2ID, base, 1, parallelism, newSalt())));
        double target = 0.7;
        int memory = base;
        while (memory < 256 * 1024 && perPass * (memory * 2.0 / base) <= target) {
            memory *= 2;
        }
        double passAtMemory = perPass * memory / base;
        int iterations = (int) Math.max(1, Math.min(MAX_ITERATIONS, Math.floor(target / passAtMemory)));
        KdfParams chosen = new KdfParams(KdfParams.ARGON2ID, memory, iterations, parallelism, newSalt());
        double check = time(probe, chosen);
        if (check > TARGET_MAX_SECONDS && (iterations > 1 || memory > base)) {
            return iterations > 1
                    ? new KdfParams(KdfParams.ARGON2ID, memory, iterations - 1, parallelism, newSalt())
                    : new KdfParams(KdfParams.ARGON2ID, memory / 2, 1, parallelism, newSalt());
        }
        if (check < TARGET_MIN_SECONDS && iterations < MAX_ITERATIONS) {
            return new KdfParams(KdfParams.ARGON2ID, memory, iterations + 1, parallelism, newSalt());
        }
        return chosen;
    }

    private static double time(char[] probe, KdfParams params) {
        long t0 = System.nanoTime();
        derive(probe, params);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Cheap parameters for tests and benchmarks of everything but the KDF; never used for a real registry. */
    public static KdfParams forTests() {
        return new KdfParams(KdfParams.ARGON2ID, 8 * 1024, 1, 1, newSalt());
    }

    static SecureRandom random() {
        return Crypto.RANDOM;
    }
}
