package org.carnet.core.mpi;

/**
 * Resolves one new record against the identities of an {@link MpiIndex}: scores every candidate, keeps the best
 * record per MPI id, and decides: best p ≥ 0.95 links to that id (unless the record, even against a perfect copy of
 * itself, could not reach 0.95: too little information to link for sure, so review); 0.75 ≤ p < 0.95 goes to
 * review; otherwise a new person. When two identities both reach 0.95, the record links to the best and the pair of
 * identities is reported as a probable duplicate ({@link Result#rival()}). Candidates whose date, sex and commune
 * already rule out p ≥ 0.5 are dropped before the names are compared. Not thread-safe (like the index).
 */
public final class Resolver {
    private final Scorer scorer;
    private final MpiIndex index;
    private final int[] levels = new int[Field.ALL.length];
    private final double linkWeight = MatchModel.weightFor(Decision.LINK_AT);
    /** Candidates that cannot reach this probability are not scored in full (and not reported). */
    static final double REPORT_FROM = 0.5;

    /**
     * The prior is "two random records are the same person" in the pool the model was trained on; against a larger
     * index a random identity is that much less likely to be the one: lambda scales with 1 / (identities − 1), which
     * keeps the expected number of true matches per record what training saw. Without this, a model trained on a
     * sample of 20,000 would link "Mamadou Diallo, 1990" to a namesake among a million.
     */
    private double priorShift() {
        int trained = Math.max(scorer.model().trainedOn(), ModelTrainer.DEFAULT_POOL);
        int n = index.size();
        return n > trained ? MatchModel.log2((trained - 1.0) / (n - 1.0)) : 0;
    }

    public Resolver(Scorer scorer, MpiIndex index) {
        this.scorer = scorer;
        this.index = index;
    }

    /**
     * The outcome for one record. {@code mpiId}, {@code candidate} and {@code probability} describe the best
     * identity found at p ≥ 0.5 (null / 0 when none); {@code rival} is another identity that also reached 0.95, and
     * {@code rivalCandidate} its record (both null when there is none).
     */
    public record Result(Decision decision, String mpiId, double probability, MatchRecord candidate, String rival,
            MatchRecord rivalCandidate) {
    }

    public Result resolve(MatchRecord r) {
        String[] best = {null, null};
        double[] p = {0, 0};
        int[] bestRecord = {-1, -1};
        double shift = priorShift();
        double floor = MatchModel.weightFor(REPORT_FROM) - shift;
        double names = scorer.bestNameWeight(r);
        index.candidates(r, n -> {
            double w = scorer.weightAtLeast(r, index.record(n), levels, floor, names);
            if (Double.isNaN(w)) {
                return;
            }
            double q = MatchModel.probability(w + shift);
            String id = index.mpiId(n);
            if (q > p[0]) {
                if (!id.equals(best[0])) {
                    best[1] = best[0];
                    p[1] = p[0];
                    bestRecord[1] = bestRecord[0];
                }
                best[0] = id;
                p[0] = q;
                bestRecord[0] = n;
            } else if (q > p[1] && !id.equals(best[0])) {
                best[1] = id;
                p[1] = q;
                bestRecord[1] = n;
            }
        });
        Decision d;
        if (p[0] >= Decision.LINK_AT && scorer.selfWeight(r) + shift >= linkWeight) {
            d = Decision.LINKED;
        } else if (p[0] >= Decision.REVIEW_AT) {
            d = Decision.REVIEW;
        } else {
            d = Decision.NEW;
        }
        boolean rival = p[1] >= Decision.LINK_AT;
        return new Result(d, best[0], p[0], bestRecord[0] < 0 ? null : index.record(bestRecord[0]),
                rival ? best[1] : null, rival ? index.record(bestRecord[1]) : null);
    }
}
