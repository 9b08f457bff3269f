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

    /** What a run measured. Latencies in milliseconds, memory in MiB. */
    public record Result(int identities, int queries, double buildSeconds, double trainSeconds, double p50, double p99,
            double max, double meanCandidates, long heapUsedMiB, long heapMaxMiB, int postings, int linked,
            int review, int created, long skippedBlocks) {
    }

    /** Indexes {@code size} records of the synthetic population, then resolves {@code queries} more. */
    public static Result run(int size, int queries, long seed, ProgressSink progress) {
        SyntheticPopulation.Config config = SyntheticPopulation.Config.defaults().withSeed(seed)
                .withPersons((int) Math.min(Integer.MAX_VALUE - 1L, (long) ((size + queries) / 1.5) + 1));
        Iterator<SyntheticRecord> source = SyntheticPopulation.records(config).iterator();
        MatchRecord.Interner interner = new MatchRecord.Interner();
        MpiIndex index = new MpiIndex();
        List<MatchRecord> sample = new ArrayList<>(TRAINING_SAMPLE);
        long t0 = System.nanoTime();
        for (int i = 0; i < size && source.hasNext(); i++) {
            MatchRecord r = MatchRecord.of(fields(source.next()), interner);
            index.add("P" + i, r);
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

        Resolver resolver = new Resolver(scorer, index);
        double[] ms = new double[queries];
        int done = 0;
        int linked = 0;
        int review = 0;
        int[] candidates = {0};
        long totalCandidates = 0;
        for (; done < queries && source.hasNext(); done++) {
            MatchRecord q = MatchRecord.of(fields(source.next()), interner);
            long s = System.nanoTime();
            Resolver.Result res = resolver.resolve(q);
            ms[done] = (System.nanoTime() - s) / 1e6;
            candidates[0] = 0;
            index.candidates(q, n -> candidates[0]++);
            totalCandidates += candidates[0];
            linked += res.decision() == Decision.LINKED ? 1 : 0;
            review += res.decision() == Decision.REVIEW ? 1 : 0;
        }
        double[] sorted = Arrays.copyOf(ms, done);
        Arrays.sort(sorted);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Result(index.size(), done, build, train, percentile(sorted, 0.50), percentile(sorted, 0.99),
                done == 0 ? 0 : sorted[done - 1], done == 0 ? 0 : totalCandidates / (double) done,
                heap.getUsed() >> 20, heap.getMax() >> 20, index.postings(), linked, review, done - linked - review,
                index.skippedBlocks());
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
