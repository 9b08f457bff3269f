package org.carnet.core.mpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Csv;
import org.carnet.core.model.Demographics;
import org.carnet.core.normalize.BirthDate;
import org.carnet.core.normalize.BirthDates;
import org.carnet.core.normalize.Sex;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.NewReviewItem;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.RegistryStats;
import org.carnet.core.registry.ResolutionBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master patient index on the registry. Resolves source records (DHIS2 tracked entities, rows of legacy lists)
 * one by one against the registry's identities: p ≥ 0.95 links the record to an existing MPI id; 0.75 ≤ p < 0.95
 * gives the record a new identity and files a review item between it and the candidate; below, a new identity. A
 * second identity that also reaches 0.95 (a probable duplicate already in the registry) files a review item between
 * the two. New identities are stored with their blocking keys as blind indexes.
 *
 * <p>The candidate index and term frequencies live in memory, built from the registry on first use; the model is
 * the one stored in the registry by {@link #train(long)}, else the shipped defaults. One writer: not thread-safe,
 * and nothing else may add identities to the registry while a service is open.
 */
public final class MpiService {
    /** Records resolved per registry transaction by {@link #resolveAll(List)}. */
    public static final int BATCH_SIZE = 500;
    /** Share of incoming records expected to belong to an existing identity, before the registry says otherwise. */
    static final double DEFAULT_RETURNING = 0.3;
    /** The registry document holding the model. */
    static final String MODEL_DOCUMENT = "mpi.model";
    private static final Logger LOG = LoggerFactory.getLogger(MpiService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Registry registry;
    private final MpiIdIssuer issuer;
    private MatchModel model;
    private Instant trainedAt;
    /** Null until first used, and again after a failed write (the index may hold identities never saved). */
    private Engine engine;

    private MpiService(Registry registry, String country, RegionCodes regions, MatchModel model,
            Instant trainedAt) {
        this.registry = registry;
        this.issuer = new MpiIdIssuer(country, regions, new SecureRandom(), this::taken);
        this.model = model;
        this.trainedAt = trainedAt;
    }

    /**
     * A service on an open registry, issuing ids {@code {country}-{region}-{YY}-…} with the region from
     * {@code regions}. Reads the stored model; the index is built on first use.
     *
     * @throws AppException if the registry cannot be read or its stored model is unreadable
     */
    public static MpiService open(Registry registry, String country, RegionCodes regions) throws AppException {
        Optional<byte[]> stored = registry.document(MODEL_DOCUMENT);
        MatchModel model = ModelTrainer.defaults();
        Instant trainedAt = null;
        if (stored.isPresent()) {
            try {
                StoredModel s = JSON.readValue(stored.get(), StoredModel.class);
                model = s.model();
                trainedAt = Instant.parse(s.trainedAt());
            } catch (IOException | RuntimeException e) {
                throw new AppException("mpi.error.model", "stored model unreadable: " + e.getClass().getSimpleName(),
                        e);
            }
        }
        return new MpiService(registry, country, regions, model, trainedAt);
    }

    /** The model document: the parameters and when they were estimated. */
    record StoredModel(String trainedAt, MatchModel model) {
    }

    /**
     * One source record to resolve: its identity fields, where it comes from, and its phone number in E.164 (kept on a
     * new identity, for search and messages; not used for matching; may be null).
     */
    public record Request(PersonFields fields, String programUid, String teiUid, String phone) {
        public Request(PersonFields fields, String programUid, String teiUid) {
            this(fields, programUid, teiUid, null);
        }

        @Override
        public String toString() {
            return "Request[" + programUid + ", " + teiUid + "]";
        }
    }

    /**
     * What became of one source record. {@code decision} is null when the record was already linked (then
     * {@code mpiId} is its identity, unchanged, and {@code probability} 0); otherwise {@code mpiId} is the identity
     * it now belongs to (a new one for {@link Decision#NEW} and {@link Decision#REVIEW}) and {@code probability} the
     * best candidate's match probability.
     */
    public record Resolution(String programUid, String teiUid, String mpiId, Decision decision, double probability) {
        /** True when the record was linked before and nothing changed. */
        public boolean alreadyLinked() {
            return decision == null;
        }
    }

    /** Resolves one record and writes the outcome (one transaction). */
    public Resolution resolve(PersonFields fields, String programUid, String teiUid) throws RegistryException {
        return resolveAll(List.of(new Request(fields, programUid, teiUid))).get(0);
    }

    /**
     * Resolves the records in order, each against the registry and the records before it, writing one transaction
     * per {@value #BATCH_SIZE} records. A failed transaction loses only its own batch (the earlier ones are saved).
     */
    public List<Resolution> resolveAll(List<Request> requests) throws RegistryException {
        List<Resolution> out = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
            out.addAll(resolveBatch(requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE))));
        }
        return out;
    }

    private List<Resolution> resolveBatch(List<Request> batch) throws RegistryException {
        Engine e = engine();
        List<Resolution> out = new ArrayList<>(batch.size());
        List<IdentityRecord> identities = new ArrayList<>();
        List<ExternalIdLink> links = new ArrayList<>();
        List<NewReviewItem> reviews = new ArrayList<>();
        Map<List<String>, String> linkedNow = new HashMap<>();
        try {
            for (Request q : batch) {
                List<String> key = List.of(q.programUid(), q.teiUid());
                String linked = linkedNow.get(key);
                if (linked == null) {
                    linked = registry.identityByTei(q.programUid(), q.teiUid()).map(IdentityRecord::mpiId)
                            .orElse(null);
                }
                if (linked != null) {
                    out.add(new Resolution(q.programUid(), q.teiUid(), linked, null, 0));
                    continue;
                }
                MatchRecord r = MatchRecord.of(q.fields(), e.interner);
                Resolver.Result res = e.resolver.resolve(r);
                // explained before the record counts in the term frequencies, so that they say what was decided
                PairScore reviewPair = res.decision() == Decision.REVIEW ? e.scorer.explain(r, res.candidate()) : null;
                PairScore rivalPair = res.rival() == null ? null
                        : e.scorer.explain(res.candidate(), res.rivalCandidate());
                String mpiId = res.mpiId();
                if (res.decision() != Decision.LINKED) {
                    mpiId = issuer.issue(r);
                    Demographics d = withPhone(demographics(q.fields()), q.phone());
                    MatchRecord stored = MatchRecord.of(fields(mpiId, d), e.interner);
                    identities.add(IdentityRecord.of(mpiId, d, List.copyOf(BlockingKeys.of(stored))));
                    e.add(mpiId, stored);
                }
                if (reviewPair != null) {
                    reviews.add(new NewReviewItem(mpiId, res.mpiId(), reviewPair.probability(),
                            explanation("review_band", reviewPair)));
                }
                if (rivalPair != null) {
                    reviews.add(new NewReviewItem(res.mpiId(), res.rival(), rivalPair.probability(),
                            explanation("rival", rivalPair)));
                }
                links.add(new ExternalIdLink(mpiId, q.programUid(), q.teiUid()));
                linkedNow.put(key, mpiId);
                out.add(new Resolution(q.programUid(), q.teiUid(), mpiId, res.decision(), res.probability()));
            }
            registry.saveResolutions(new ResolutionBatch(identities, links, reviews));
        } catch (RegistryFailure f) {
            engine = null;
            throw f.getCause();
        } catch (RegistryException | RuntimeException x) {
            engine = null;
            throw x;
        }
        return out;
    }

    /**
     * Corrects an identity's fields (its blocking keys follow); audited with {@code reason}.
     *
     * @throws AppException when the identity is unknown
     */
    public void correct(String mpiId, Demographics corrected, String reason) throws AppException {
        IdentityRecord before = registry.identityByMpiId(mpiId).orElseThrow(() -> new AppException(
                "error.registry.unknownIdentity", "no identity", mpiId));
        Demographics d = new Demographics(corrected.firstName(), corrected.lastName(), corrected.dateOfBirth(),
                corrected.sex() == null ? null : Sex.parse(corrected.sex()).name(), corrected.phone(),
                corrected.district(), corrected.region(), corrected.commune());
        MatchRecord stored = MatchRecord.of(fields(mpiId, d), new MatchRecord.Interner());
        registry.correctIdentity(new IdentityRecord(mpiId, d, List.copyOf(BlockingKeys.of(stored)), before.status(),
                before.createdAt(), null), reason);
        engine = null;
    }

    /**
     * Gives one linked record (program, TEI) an identity of its own despite the match (a wrong automatic link undone,
     * or a forced creation): a new MPI id starting from the current identity's fields (to be corrected if needed),
     * the two remembered as different people, audited as {@code mpi.register_forced}.
     *
     * @return the new MPI id
     */
    public String splitOff(String programUid, String teiUid, String reason) throws AppException {
        IdentityRecord from = registry.identityByTei(programUid, teiUid).orElseThrow(() -> new AppException(
                "error.review.noLink", "record not linked", programUid));
        MatchRecord r = MatchRecord.of(fields(from.mpiId(), from.demographics()), new MatchRecord.Interner());
        String mpiId = issuer.issue(r);
        MatchRecord stored = MatchRecord.of(fields(mpiId, from.demographics()), new MatchRecord.Interner());
        registry.splitExternalId(programUid, teiUid, IdentityRecord.of(mpiId, from.demographics(),
                List.copyOf(BlockingKeys.of(stored))), reason);
        engine = null;
        return mpiId;
    }

    /** Whether an MPI id is already in the registry (any status), for the issuer. */
    private boolean taken(String mpiId) {
        try {
            return registry.identityByMpiId(mpiId).isPresent();
        } catch (RegistryException e) {
            throw new RegistryFailure(e);
        }
    }

    /** Carries a registry failure out of a callback that cannot throw it. */
    private static final class RegistryFailure extends RuntimeException {
        RegistryFailure(RegistryException cause) {
            super(cause);
        }

        @Override
        public synchronized RegistryException getCause() {
            return (RegistryException) super.getCause();
        }
    }

    /** What {@link #train(long)} did. */
    public record Training(int identities, MatchModel model, boolean saved) {
    }

    /**
     * Re-estimates the model on the registry's active identities. When they are enough to train on, the new model is
     * stored in the registry (audited) and used from now on; otherwise the model in use stays. Identities are already
     * de-duplicated, so the prior cannot come from their pairs: it is the share of incoming records that belonged to
     * an existing identity (from the records linked so far; 0.3 before there are 100) spread over the identities.
     */
    public Training train(long seed) throws RegistryException {
        Engine e = engine();
        List<MatchRecord> pool = e.records();
        MatchModel trained = ModelTrainer.train(pool, seed);
        if (!"trained".equals(trained.source())) {
            return new Training(pool.size(), model, false);
        }
        long links = registry.externalIdCounts().values().stream().mapToLong(Long::longValue).sum();
        double returning = links >= 100 ? Math.max(0.01, Math.min(0.9, (links - pool.size()) / (double) links))
                : DEFAULT_RETURNING;
        double lambda = Math.min(0.5, returning / Math.max(1, pool.size() - 1));
        trained = new MatchModel(MatchModel.VERSION, trained.m(), trained.u(), lambda, pool.size(), "trained");
        save(trained, String.format(Locale.ROOT, "mpi model trained on %d identities, seed %d, lambda %.3g",
                pool.size(), seed, trained.lambda()));
        e.useModel(trained);
        return new Training(pool.size(), trained, true);
    }

    /**
     * Estimates the model on source records before they are resolved (a legacy list, a first sync): the records still
     * hold their duplicates, so the prior is estimated from them. Stored and used like {@link #train(long)}; pools too
     * small to train on leave the model in use.
     */
    public Training trainOn(List<PersonFields> records, long seed) throws RegistryException {
        List<MatchRecord> pool = new java.util.ArrayList<>(records.size());
        MatchRecord.Interner interner = new MatchRecord.Interner();
        for (PersonFields f : records) {
            pool.add(MatchRecord.of(f, interner));
        }
        MatchModel trained = ModelTrainer.train(pool, seed);
        if (!"trained".equals(trained.source())) {
            return new Training(pool.size(), model, false);
        }
        save(trained, String.format(Locale.ROOT, "mpi model trained on %d source records, seed %d, lambda %.3g",
                pool.size(), seed, trained.lambda()));
        if (engine != null) {
            engine.useModel(trained);
        }
        return new Training(pool.size(), trained, true);
    }

    /**
     * Builds the in-memory index from the registry now rather than at the first resolution (start-up, benchmarks);
     * returns the number of identities indexed.
     */
    public int load() throws RegistryException {
        return engine().index.size();
    }

    /** True while the shipped defaults are in use (nothing trained on this registry yet). */
    public boolean usesDefaults() {
        return trainedAt == null;
    }

    private void save(MatchModel trained, String reason) throws RegistryException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] document;
        try {
            document = JSON.writeValueAsBytes(new StoredModel(at.toString(), trained));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("model not serialisable", x);
        }
        registry.saveDocument(MODEL_DOCUMENT, document, reason);
        model = trained;
        trainedAt = at;
    }

    /**
     * Counts for {@code carnet mpi stats}.
     *
     * @param linkedByProgram linked source records per program uid
     * @param trainedAt       when the model in use was trained, null for the shipped defaults
     */
    public record Stats(long identities, long pendingReviewItems, Map<String, Long> linkedByProgram, MatchModel model,
            Instant trainedAt) {
    }

    public Stats stats() throws RegistryException {
        RegistryStats s = registry.stats();
        return new Stats(s.identities(), s.reviewItems(), registry.externalIdCounts(), model, trainedAt);
    }

    /** The model in use. */
    public MatchModel model() {
        return model;
    }

    /**
     * Writes {@code tei_uid,program,mpi_id} for every linked source record, program by program (identifiers only,
     * no personal value); the file appears whole or not at all. Returns the number of rows.
     */
    public long export(Path out) throws AppException {
        return FileLinkage.write(out, w -> {
            Csv.writeRow(w, "tei_uid", "program", "mpi_id");
            long[] rows = {0};
            registry.forEachExternalId(link -> {
                try {
                    Csv.writeRow(w, link.teiUid(), link.programUid(), link.mpiId());
                    rows[0]++;
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            return rows[0];
        });
    }

    private Engine engine() throws RegistryException {
        if (engine == null) {
            long t0 = System.nanoTime();
            Engine e = new Engine();
            registry.forEachIdentity(identity -> {
                if (IdentityRecord.ACTIVE.equals(identity.status())) {
                    e.index.add(identity.mpiId(), MatchRecord.of(fields(identity.mpiId(), identity.demographics()),
                            e.interner));
                }
            });
            e.useModel(model);
            LOG.info("MPI index built: {} identities, {} keys, in {} ms", e.index.size(), e.index.postings(),
                    (System.nanoTime() - t0) / 1_000_000);
            engine = e;
        }
        return engine;
    }

    /** The in-memory side: candidate index, term frequencies and shared names. */
    private static final class Engine {
        final MatchRecord.Interner interner = new MatchRecord.Interner();
        final MpiIndex index = new MpiIndex();
        Scorer scorer;
        Resolver resolver;

        void useModel(MatchModel m) {
            scorer = Scorer.of(m, records());
            resolver = new Resolver(scorer, index);
        }

        void add(String mpiId, MatchRecord r) {
            index.add(mpiId, r);
            scorer.learn(r);
        }

        List<MatchRecord> records() {
            List<MatchRecord> all = new ArrayList<>(index.size());
            for (int n = 0; n < index.size(); n++) {
                all.add(index.record(n));
            }
            return all;
        }
    }

    /**
     * The demographics stored for a new identity: names, commune and district as the source wrote them, the date of
     * birth in ISO form (an unreadable one is not kept), sex as M, F or U.
     */
    private static Demographics withPhone(Demographics d, String phone) {
        return phone == null ? d : new Demographics(d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), phone,
                d.district(), d.region(), d.commune());
    }

    static Demographics demographics(PersonFields f) {
        BirthDate dob = BirthDates.parse(f.dateOfBirth());
        return new Demographics(f.firstName(), f.lastName(), dob == null ? null : dob.iso(),
                Sex.parse(f.sex()).name(), null, f.district(), null, f.commune());
    }

    private static PersonFields fields(String mpiId, Demographics d) {
        return new PersonFields(mpiId, d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), d.commune(),
                d.district());
    }

    /** The explanation stored with a review item: why it was filed and the pair's waterfall, no personal value. */
    private String explanation(String reason, PairScore score) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", reason);
        doc.put("model", model.source());
        doc.put("pair", score);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("explanation not serialisable", x);
        }
    }
}
