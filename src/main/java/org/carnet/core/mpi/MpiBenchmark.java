package org.carnet.core.mpi;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.mpi.synth.SyntheticPopulation;
import org.carnet.core.mpi.synth.SyntheticRecord;

/**
 * Single-record resolution speed against a large registry: a seeded synthetic West African population (skewed name
 * frequencies, variants, approximate dates) is indexed, then new records (among them later registrations of people
 * already indexed) are resolved one at a time and each resolution is timed.
 */
public final class MpiBenchmark {
    private static final int TRAINING_SAMPLE = 20_000;

    private MpiBenchmark() {
    }

    /**
     * What a run measured. Latencies in milliseconds; heap in MiB, measured once the index and scorer are built.
     * {@code knownPeople}: queries whose person is already indexed; {@code knownLinked}: those linked to the right
     * identity; {@code linkedWrong}: links to another person.
     */
    public record Result(int identities, int queries, double buildSeconds, double trainSeconds, double p50, double p99,
            double max, double meanCandidates, long heapUsedMiB, long heapMaxMiB, int postings, int linked,
            int review, int created, long skippedBlocks, int linkedWrong, int knownPeople, int knownLinked) {
    }

    /** Indexes {@code size} records of the synthetic population, then resolves {@code queries} more. */
    public static Result run(int size, int queries, long seed, ProgressSink progress) {
        SyntheticPopulation.Config config = SyntheticPopulation.Config.defaults().withSeed(seed)
                .withPersons((int) Math.min(Integer.MAX_VALUE - 1L, (long) size + queries));
        Iterator<SyntheticRecord> source = SyntheticPopulation.records(config).iterator();
        MatchRecord.Interner interner = new MatchRecord.Interner();
        MpiIndex index = new MpiIndex();
        List<MatchRecord> sample = new ArrayList<>(TRAINING_SAMPLE);
        long t0 = System.nanoTime();
        java.util.BitSet indexed = new java.util.BitSet();
        for (int i = 0; i < size && source.hasNext(); i++) {
            SyntheticRecord s = source.next();
            MatchRecord r = MatchRecord.of(fields(s), interner);
            // the ground truth person as the MPI id: a link is right when it names the query's person
            index.add("P" + s.personId(), r);
            indexed.set(s.personId());
            if (i < TRAINING_SAMPLE) {
                sample.add(r);
            }
            if (i % 50_000 == 0) {
                progress.progress(i, size);
            }
        }
        double build = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        MatchModel model = ModelTrainer.train(sample, seed);
        List<MatchRecord> all = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            all.add(index.record(i));
        }
        Scorer scorer = Scorer.of(model, all);
        all = null;
        double train = (System.nanoTime() - t1) / 1e9;

        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Resolver resolver = new Resolver(scorer, index);
        double[] ms = new double[queries];
        int done = 0;
        int linked = 0;
        int review = 0;
        int[] candidates = {0};
        long totalCandidates = 0;
        int linkedWrong = 0;
        int known = 0;
        int knownLinked = 0;
        for (; done < queries && source.hasNext(); done++) {
            SyntheticRecord sq = source.next();
            MatchRecord q = MatchRecord.of(fields(sq), interner);
            long s = System.nanoTime();
            Resolver.Result res = resolver.resolve(q);
            ms[done] = (System.nanoTime() - s) / 1e6;
            candidates[0] = 0;
            index.candidates(q, n -> candidates[0]++);
            totalCandidates += candidates[0];
            linked += res.decision() == Decision.LINKED ? 1 : 0;
            boolean right = ("P" + sq.personId()).equals(res.mpiId());
            linkedWrong += res.decision() == Decision.LINKED && !right ? 1 : 0;
            if (indexed.get(sq.personId())) {
                known++;
                knownLinked += res.decision() == Decision.LINKED && right ? 1 : 0;
            }
            review += res.decision() == Decision.REVIEW ? 1 : 0;
        }
        double[] sorted = Arrays.copyOf(ms, done);
        Arrays.sort(sorted);
        return new Result(index.size(), done, build, train, percentile(sorted, 0.50), percentile(sorted, 0.99),
                done == 0 ? 0 : sorted[done - 1], done == 0 ? 0 : totalCandidates / (double) done,
                heap.getUsed() >> 20, heap.getMax() >> 20, index.postings(), linked, review, done - linked - review,
                index.skippedBlocks(), linkedWrong, known, knownLinked);
    }

    /** What building the index from an encrypted registry file measured. */
    public record RegistryResult(int identities, double insertSeconds, double unlockSeconds, double buildSeconds,
            long heapUsedMiB) {
    }

    /**
     * Fills a registry file in {@code dir} with {@code size} synthetic identities (encrypted, blocking keys as blind
     * indexes, batches of 1,000), closes it, unlocks it again and times how long {@link MpiService} takes to build
     * its in-memory index from it (decrypting every identity).
     */
    public static RegistryResult fromRegistry(java.nio.file.Path dir, int size, long seed, ProgressSink progress)
            throws org.carnet.core.common.AppException {
        java.nio.file.Path file = dir.resolve("bench-mpi.db");
        char[] passphrase = "benchmark passphrase, not a secret".toCharArray();
        org.carnet.core.registry.AuditActor actor =
                org.carnet.core.registry.AuditActor.current(org.carnet.core.registry.AuditActor.Channel.CLI);
        Iterator<SyntheticRecord> source = SyntheticPopulation.records(SyntheticPopulation.Config.defaults()
                .withSeed(seed).withPersons(size)).iterator();
        MpiIdIssuer ids = new MpiIdIssuer("SN", new RegionCodes(java.util.Map.of()), new java.security.SecureRandom(),
                id -> false);
        MatchRecord.Interner interner = new MatchRecord.Interner();
        long t0 = System.nanoTime();
        try (org.carnet.core.registry.Registry r = org.carnet.core.registry.Registries.create(file, passphrase,
                org.carnet.core.crypto.Argon2Kdf.forTests(), actor).registry()) {
            List<org.carnet.core.registry.IdentityRecord> batch = new ArrayList<>(1000);
            for (int i = 0; i < size && source.hasNext(); i++) {
                SyntheticRecord s = source.next();
                MatchRecord m = MatchRecord.of(fields(s), interner);
                org.carnet.core.model.Demographics d = new org.carnet.core.model.Demographics(s.firstName(),
                        s.lastName(), s.dateOfBirth(), s.sex(), null, s.district(), null, s.commune());
                batch.add(org.carnet.core.registry.IdentityRecord.of(ids.issue(m), d,
                        new ArrayList<>(BlockingKeys.of(m))));
                if (batch.size() == 1000) {
                    r.saveIdentities(batch);
                    batch.clear();
                    progress.progress(i, size);
                }
            }
            if (!batch.isEmpty()) {
                r.saveIdentities(batch);
            }
        }
        double insert = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (org.carnet.core.registry.Registry r = org.carnet.core.registry.Registries.open(file, passphrase, actor)) {
            double unlock = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            MpiService service = MpiService.open(r, "SN", new RegionCodes(java.util.Map.of()));
            int n = service.load();
            double build = (System.nanoTime() - t2) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            java.lang.ref.Reference.reachabilityFence(service);
            return new RegistryResult(n, insert, unlock, build, heap);
        }
    }

    static PersonFields fields(SyntheticRecord s) {
        return new PersonFields(s.recordId(), s.firstName(), s.lastName(), s.dateOfBirth(), s.sex(), s.commune(),
                s.district());
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
