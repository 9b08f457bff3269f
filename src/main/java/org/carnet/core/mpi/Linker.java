package org.carnet.core.mpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Links a pool of records: trains the model on the pool (unsupervised), then either scores every candidate pair
 * (batch) or resolves the records one by one, in order, against the identities built so far (incremental, the way
 * the registry grows). Not thread-safe.
 */
public final class Linker {
    /**
     * Blocks larger than this are not expanded into pairs: split by birth year when their key has no date part,
     * skipped otherwise (other keys still find the pairs).
     */
    public static final int MAX_BLOCK = 200;

    private final List<MatchRecord> records;
    private final Scorer scorer;
    private int skippedBlocks;

    private Linker(List<MatchRecord> records, MatchModel model) {
        this.records = records;
        this.scorer = Scorer.of(model, records);
    }

    /** Prepares the records and trains the model on them. */
    public static Linker train(List<PersonFields> fields, long seed) {
        List<MatchRecord> prepared = prepare(fields);
        return new Linker(prepared, ModelTrainer.train(prepared, seed));
    }

    /** Prepares the records and scores them with a given model. */
    public static Linker withModel(List<PersonFields> fields, MatchModel model) {
        return new Linker(prepare(fields), model);
    }

    private static List<MatchRecord> prepare(List<PersonFields> fields) {
        List<MatchRecord> prepared = new ArrayList<>(fields.size());
        MatchRecord.Interner interner = new MatchRecord.Interner();
        for (PersonFields f : fields) {
            prepared.add(MatchRecord.of(f, interner));
        }
        return prepared;
    }

    public MatchModel model() {
        return scorer.model();
    }

    public Scorer scorer() {
        return scorer;
    }

    public List<MatchRecord> records() {
        return records;
    }

    /** Blocks too large to expand, in the last run. */
    public int skippedBlocks() {
        return skippedBlocks;
    }

    /** Receives scored pairs. */
    @FunctionalInterface
    public interface PairSink {
        void pair(MatchRecord a, MatchRecord b, double probability);
    }

    /** Scores every candidate pair of the pool and hands over those at or above {@code minProbability}. */
    public long pairs(double minProbability, PairSink sink) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (String k : BlockingKeys.of(records.get(i))) {
                blocks.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
            }
        }
        // blocks too large to expand ("Mamadou Diallo") are split by birth year where the key allows it
        Map<String, List<Integer>> narrowed = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : blocks.entrySet()) {
            if (e.getValue().size() > MAX_BLOCK && BlockingKeys.narrowable(e.getKey())) {
                for (int i : e.getValue()) {
                    MatchRecord r = records.get(i);
                    if (r.dob != null) {
                        narrowed.computeIfAbsent(e.getKey() + "#" + r.dob.year(), x -> new ArrayList<>()).add(i);
                    }
                }
            }
        }
        blocks.putAll(narrowed);
        skippedBlocks = 0;
        // every candidate pair once: packed (lower, higher) record numbers, sorted, duplicates skipped
        long[] pairs = new long[1024];
        int count = 0;
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2) {
                continue;
            }
            if (block.size() > MAX_BLOCK) {
                skippedBlocks++;
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (count == pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, count * 2);
                    }
                    pairs[count++] = ((long) Math.min(i, j) << 32) | Math.max(i, j);
                }
            }
        }
        java.util.Arrays.sort(pairs, 0, count);
        double[] bestNames = new double[records.size()];
        java.util.Arrays.fill(bestNames, Double.NaN);
        int[] levels = new int[Field.ALL.length];
        long candidates = 0;
        double minWeight = minProbability <= 0 ? Double.NEGATIVE_INFINITY : MatchModel.weightFor(
                Math.min(minProbability, 1 - 1e-12));
        for (int k = 0; k < count; k++) {
            if (k > 0 && pairs[k] == pairs[k - 1]) {
                continue;
            }
            candidates++;
            int ia = (int) (pairs[k] >>> 32);
            MatchRecord a = records.get(ia);
            MatchRecord b = records.get((int) pairs[k]);
            if (Double.isNaN(bestNames[ia])) {
                bestNames[ia] = scorer.bestNameWeight(a);
            }
            // names are compared only when date, sex and commune leave the pair a chance
            double w = scorer.weightAtLeast(a, b, levels, minWeight, bestNames[ia]);
            if (w >= minWeight) {
                sink.pair(a, b, MatchModel.probability(w));
            }
        }
        return candidates;
    }

    /** One record's resolution. */
    public record Resolution(MatchRecord record, String mpiId, Decision decision, double probability,
            MatchRecord candidate) {
        @Override
        public String toString() {
            return "Resolution[" + record.id() + ", " + decision + "]";
        }
    }

    /**
     * Resolves the records one by one in pool order against those resolved before: best identity p ≥ 0.95 links to
     * its MPI id; 0.75 ≤ p < 0.95 (or two identities ≥ 0.95, or a record too poor to ever reach 0.95 against a copy
     * of itself) goes to review, which in this simulation gives a new id; otherwise a new id from {@code newIds}.
     */
    public List<Resolution> incremental(Function<MatchRecord, String> newIds) {
        MpiIndex index = new MpiIndex();
        Resolver resolver = new Resolver(scorer, index);
        List<Resolution> out = new ArrayList<>(records.size());
        for (MatchRecord r : records) {
            Resolver.Result res = resolver.resolve(r);
            String id = res.decision() == Decision.LINKED ? res.mpiId() : newIds.apply(r);
            out.add(new Resolution(r, id, res.decision(), res.probability(), res.candidate()));
            index.add(id, r);
        }
        skippedBlocks = (int) index.skippedBlocks();
        return out;
    }
}
