package org.carnet.core.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.KdfParams;
import org.carnet.core.model.Demographics;

/**
 * {@code carnet bench registry}: encrypted identity inserts per second (batched, as a sync writes them), unlock
 * time with calibrated Argon2id, lookup time by blind index, and file size per 100,000 identities. Uses synthetic
 * people in a throw-away registry.
 */
public final class RegistryBenchmark {
    private static final String[] FIRST = {"Aminata", "Mamadou", "Fatou", "Ibrahima", "Awa", "Cheikh", "Khady",
            "Moussa", "Ndeye", "Ousmane", "Mariama", "Abdoulaye", "Coumba", "Babacar", "Adama", "Seynabou"};
    private static final String[] LAST = {"Diallo", "Ndiaye", "Diop", "Fall", "Sow", "Ba", "Gueye", "Sarr", "Faye",
            "Cisse", "Mbaye", "Thiam", "Kane", "Sy", "Niang", "Camara"};
    private static final char[] PASSPHRASE = "benchmark passphrase 2026".toCharArray();

    /** The measured figures. */
    public record Result(int rows, int batchSize, double insertsPerSecond, double unlockSeconds, KdfParams kdf,
            double lookupMicros, int lookups, long fileBytes, double megabytesPer100k) {
    }

    private RegistryBenchmark() {
    }

    public static Result run(Path workDir, int rows, int batchSize, boolean calibrate, ProgressSink progress)
            throws RegistryException, IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("bench-registry.db");
        deleteQuietly(file);
        AuditActor actor = AuditActor.current(AuditActor.Channel.CLI);
        KdfParams kdf = calibrate ? Argon2Kdf.calibrate() : Argon2Kdf.forTests();
        progress.message("bench.registry.insert");
        Registries.create(file, PASSPHRASE, kdf, actor).registry().close();

        long t0 = System.nanoTime();
        Registry r = Registries.open(file, PASSPHRASE, actor);
        double unlock = (System.nanoTime() - t0) / 1e9;
        double insertsPerSecond;
        double lookupMicros;
        int lookups = Math.min(10_000, rows);
        try {
            SplittableRandom random = new SplittableRandom(42);
            long insertNanos = 0;
            for (int done = 0; done < rows; done += batchSize) {
                int n = Math.min(batchSize, rows - done);
                List<IdentityRecord> batch = new ArrayList<>(n);
                for (int i = done; i < done + n; i++) {
                    batch.add(person(i, random));
                }
                long b0 = System.nanoTime();
                r.saveIdentities(batch);
                insertNanos += System.nanoTime() - b0;
                progress.progress(done + n, rows);
            }
            insertsPerSecond = rows / (insertNanos / 1e9);
            progress.message("bench.registry.lookup");
            SplittableRandom pick = new SplittableRandom(7);
            long l0 = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                String mpi = mpiId(pick.nextInt(rows));
                if (r.identityByMpiId(mpi).isEmpty()) {
                    throw new IllegalStateException("benchmark lookup missed " + mpi);
                }
            }
            lookupMicros = (System.nanoTime() - l0) / 1e3 / lookups;
        } finally {
            r.close();
        }
        long size = Files.size(file);
        deleteQuietly(file);
        return new Result(rows, batchSize, insertsPerSecond, unlock, kdf, lookupMicros, lookups, size,
                size / 1e6 * 100_000.0 / rows);
    }

    static String mpiId(int i) {
        return String.format("SN-DKR-26-%08X", i);
    }

    static IdentityRecord person(int i, SplittableRandom random) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String dob = String.format("%04d-%02d-%02d", 1940 + random.nextInt(80), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String phone = String.format("+2217%d%07d", 5 + random.nextInt(4), random.nextInt(10_000_000));
        Demographics d = new Demographics(first, last, dob, random.nextBoolean() ? "F" : "M", phone, "Pikine", "DK");
        return IdentityRecord.of(mpiId(i), d, List.of(last.substring(0, 2) + dob.substring(0, 4),
                first.substring(0, 2) + last.substring(0, 2) + d.sex()));
    }

    private static void deleteQuietly(Path db) throws IOException {
        for (String s : new String[] {"", "-wal", "-shm", ".unlock"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + s));
        }
    }
}
