package org.carnet.core.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Dhis2AuthenticationException;
import org.carnet.core.dhis2.Dhis2CancelledException;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2Time;
import org.carnet.core.dhis2.Dhis2UnreachableException;
import org.carnet.core.dhis2.DownloadRequest;
import org.carnet.core.dhis2.DownloadSummary;
import org.carnet.core.dhis2.Enrollment;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.dhis2.PageHandler;
import org.carnet.core.dhis2.TrackedEntity;
import org.carnet.core.guard.GuardedValue;
import org.carnet.core.guard.Redactor;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.mapping.CardValues;
import org.carnet.core.mapping.MappingIssue;
import org.carnet.core.mapping.MappingStore;
import org.carnet.core.mapping.MappingSuggester;
import org.carnet.core.mapping.MappingValidator;
import org.carnet.core.mapping.ProgramMapping;
import org.carnet.core.mpi.Decision;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonFields;
import org.carnet.core.mpi.RegionCodes;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.SyncCheckpoint;
import org.carnet.core.registry.SyncRunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in step with DHIS2 for one program, page by page: fetch since the cursor → map and normalise →
 * guard (sensitive values wrapped before anything else sees them) → MPI resolution of the identity fields → registry
 * upsert, idempotent by enrollment uid, deletions applied → listeners told. After each page a checkpoint records the
 * record offset reached, so an interrupted run (network loss, crash, sleep, cancel) resumes there with the same query;
 * the cursor moves only when a run completes, to the server's time at the start of the first attempt minus five
 * minutes. A full run also reconciles: enrollments the server no longer returns (deleted without a trace, or out of
 * the user's scope) are removed. One run at a time per service.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Country of issued MPI ids. */
    public static final String COUNTRY = "SN";

    private final Registry registry;
    private final Function<ConnectionSettings, Dhis2Client> clients;
    private final Clock clock;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private int pageSize;
    private java.time.Duration readTimeout;
    private volatile SyncCardStep cardStep;

    public SyncService(Registry registry) {
        this(registry, Dhis2Clients::connect, Clock.systemUTC());
    }

    public SyncService(Registry registry, Function<ConnectionSettings, Dhis2Client> clients, Clock clock) {
        this.registry = registry;
        this.clients = clients;
        this.clock = clock;
    }

    /** Downloads with pages of {@code size} tracked entities instead of the connection's (benchmarks, tests). */
    public SyncService withPageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Gives up on a page after {@code timeout} instead of the connection's read timeout (tests). */
    public SyncService withReadTimeout(java.time.Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    /** Sets the step run after a successful or partial run (cards from sync); null for none. */
    public void setCardStep(SyncCardStep step) {
        this.cardStep = step;
    }

    public void addListener(SyncListener l) {
        listeners.add(l);
    }

    public void removeListener(SyncListener l) {
        listeners.remove(l);
    }

    /** What one run counts as it goes. */
    private static final class Counts {
        long fetched;
        long created;
        long updated;
        long unchanged;
        long deleted;
        long linked;
        long review;
        long created_ids;
        long sensitive;
        int pages;
        final java.util.Set<String> changedUids = new java.util.HashSet<>();
    }

    /** Everything a run needs besides the server. */
    private record Context(ProgramInfo program, ProgramMapping mapping, boolean suggested, CardValues values,
            OrgUnitTree orgUnits, int districtLevel, MpiService mpi) {
    }

    /**
     * Runs one sync to its end, or until it fails or is cancelled: the returned record says which. Problems with the
     * server, the mapping or the saved connection end the run with a status and an error code; they are not thrown.
     */
    public SyncRun run(SyncRequest request, ProgressSink progress, Cancellation cancel) {
        Instant started = clock.instant();
        String runId = UUID.randomUUID().toString();
        Counts n = new Counts();
        boolean[] suggested = {false};
        long[] resumedAt = {0};
        SyncRun.Status status;
        String errorCode = null;
        String errorKey = null;
        List<String> errorArgs = List.of();
        try {
            Context ctx = context(request.programUid(), suggested);
            ConnectionSettings saved = new ConnectionStore(registry).settings(ConnectionStore.DEFAULT_ID)
                    .orElseThrow(() -> new SyncException("NO_CONNECTION", "sync.error.noConnection"));
            ConnectionSettings settings = pageSize > 0 ? saved.withPageSize(pageSize) : saved;
            if (readTimeout != null) {
                settings = settings.withTimeouts(readTimeout, readTimeout);
            }
            closeInterrupted(request.programUid());
            save(record(runId, request, SyncRun.Status.RUNNING, started, null, n, suggested[0], 0, null, null,
                    List.of()));
            try (Dhis2Client client = clients.apply(settings); AutoCloseable stop = cancel.onCancel(client::cancel)) {
                download(client, ctx, request, runId, n, resumedAt, progress, cancel);
            }
            status = SyncRun.Status.SUCCESS;
        } catch (Dhis2CancelledException e) {
            status = SyncRun.Status.CANCELLED;
            errorCode = "CANCELLED";
            errorKey = "sync.error.cancelled";
        } catch (SyncException e) {
            status = SyncRun.Status.FAILED;
            errorCode = e.code();
            errorKey = e.messageKey();
            errorArgs = args(e);
        } catch (Dhis2Exception e) {
            status = n.pages > 0 ? SyncRun.Status.PARTIAL : SyncRun.Status.FAILED;
            errorCode = code(e);
            errorKey = e.messageKey();
            errorArgs = args(e);
            LOG.warn("Sync of {} stopped after {} pages: {}", request.programUid(), n.pages, errorCode);
        } catch (AppException e) {
            status = n.pages > 0 ? SyncRun.Status.PARTIAL : SyncRun.Status.FAILED;
            errorCode = "REGISTRY_ERROR";
            errorKey = e.messageKey();
            errorArgs = args(e);
            LOG.warn("Sync of {} stopped by the registry: {}", request.programUid(), e.messageKey());
        } catch (Exception e) {
            status = n.pages > 0 ? SyncRun.Status.PARTIAL : SyncRun.Status.FAILED;
            errorCode = "INTERNAL_ERROR";
            errorKey = "sync.error.internal";
            LOG.error("Sync of {} failed unexpectedly", request.programUid(), e);
        }
        long cards = SyncRun.NO_CARDS;
        String cardsError = null;
        SyncCardStep step = cardStep;
        if (step != null && (status == SyncRun.Status.SUCCESS || status == SyncRun.Status.PARTIAL)) {
            SyncCardStep.Outcome outcome = step.afterSync(request.programUid(), changedSince(request.programUid(),
                    runId, started, n.changedUids), progress, cancel);
            cards = outcome.cards();
            cardsError = outcome.errorKey();
        }
        Instant finished = clock.instant();
        SyncRun run = new SyncRun(runId, request.programUid(), request.trigger(), request.mode(), status, started,
                finished, n.fetched, n.created, n.updated, n.unchanged, n.deleted, n.linked, n.review, n.created_ids,
                n.sensitive, Duration.between(started, finished).toMillis(), suggested[0], resumedAt[0], errorCode,
                errorKey, errorArgs, cards, cardsError);
        try {
            save(toRecord(run));
        } catch (RegistryException e) {
            LOG.warn("Sync run record not saved: {}", e.messageKey());
        }
        LOG.info("Sync of {} {}: fetched {}, created {}, updated {}, unchanged {}, deleted {}, sensitive blocked {}",
                request.programUid(), status.code(), n.fetched, n.created, n.updated, n.unchanged, n.deleted,
                n.sensitive);
        for (SyncListener l : listeners) {
            try {
                l.finished(run);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed: {}", e.getClass().getSimpleName());
            }
        }
        return run;
    }

    private Context context(String programUid, boolean[] suggested) throws AppException {
        ProgramInfo program = new ProgramGuards(registry).program(programUid).orElseThrow(() ->
                new SyncException("PROGRAM_NOT_FOUND", "sync.error.noProgram", programUid));
        MappingStore store = new MappingStore(registry);
        Optional<ProgramMapping> saved = store.saved(programUid);
        ProgramMapping mapping = saved.orElseGet(() -> new MappingSuggester().suggestedMapping(program));
        suggested[0] = saved.isEmpty();
        List<MappingIssue> issues = MappingValidator.validate(program, mapping);
        if (MappingValidator.blocking(issues)) {
            throw new SyncException("MAPPING_INVALID", "sync.error.mapping", programUid);
        }
        MappingStore.Settings settings = store.settings();
        OrgUnitTree tree = new ConnectionStore(registry).orgUnits().orElse(OrgUnitTree.empty());
        return new Context(program, mapping, suggested[0], new CardValues(program, mapping, tree,
                settings.phoneCountry(), settings.districtLevel()), tree, settings.districtLevel(),
                MpiService.open(registry, COUNTRY, new RegionCodes(Map.of())));
    }

    private void download(Dhis2Client client, Context ctx, SyncRequest request, String runId, Counts n,
            long[] resumedAt, ProgressSink progress, Cancellation cancel) throws Exception {
        String programUid = request.programUid();
        SyncCheckpoint cp = registry.syncCheckpoint(programUid)
                .orElse(new SyncCheckpoint(programUid, null, null, null, 0, null, null));
        String key = request.resumeKey();
        boolean resume = cp.pending() && key.equals(cp.pendingMode());
        LocalDateTime since;
        long offset = 0;
        String cursorAtEnd;
        if (resume) {
            since = cp.pendingSince() == null ? null : Dhis2Time.parse(cp.pendingSince()).orElse(null);
            offset = cp.pendingOffset();
            cursorAtEnd = cp.pendingCursor();
            LOG.info("Resuming the sync of {} at record {}", programUid, offset);
        } else {
            since = switch (request.mode()) {
                case INCREMENTAL -> cp.cursor() == null ? null : Dhis2Time.parse(cp.cursor()).orElse(null);
                case SINCE -> request.since();
                case FULL -> null;
            };
            LocalDateTime serverNow = client.serverInfo().serverDate();
            cursorAtEnd = serverNow == null ? null : Dhis2Time.format(serverNow.minus(DownloadSummary.OVERLAP));
        }
        resumedAt[0] = offset;
        String sinceText = since == null ? null : Dhis2Time.format(since);
        registry.saveSyncCheckpoint(cp.withPending(runId, sinceText, offset, cursorAtEnd, key));
        DownloadRequest dl = new DownloadRequest(programUid, request.orgUnit() == null ? List.of()
                : List.of(request.orgUnit()), since, request.enrolledAfter(), offset);
        Set<String> seen = request.mode() == SyncRequest.Mode.FULL && offset == 0 && request.orgUnit() == null
                && request.enrolledAfter() == null ? new HashSet<>() : null;
        SyncCheckpoint base = cp;
        progress.message("sync.progress.fetching");
        client.download(dl, new PageHandler<Exception>() {
            @Override
            public void onPage(int page, List<TrackedEntity> entities, long expected) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void onPage(int page, List<TrackedEntity> entities, long expected, long nextOffset)
                    throws Exception {
                if (cancel.isCancelled()) {
                    throw new Dhis2CancelledException();
                }
                process(ctx, entities, n, seen);
                n.pages++;
                registry.saveSyncCheckpoint(base.withPending(runId, sinceText, nextOffset, cursorAtEnd, key));
                progress.progress(Math.min(nextOffset, expected < 0 ? nextOffset : expected),
                        expected < 0 ? -1 : expected);
            }
        });
        if (seen != null) {
            Set<String> gone = new HashSet<>(registry.enrollmentUids(programUid));
            gone.removeAll(seen);
            if (!gone.isEmpty()) {
                n.deleted += registry.deleteEnrollments(programUid, gone);
                LOG.info("Reconciliation of {} removed {} enrollments out of scope", programUid, gone.size());
            }
        }
        registry.saveSyncCheckpoint(base.completed(cursorAtEnd != null ? cursorAtEnd : base.cursor()));
    }

    /** One page: deletions, unchanged records skipped, the rest guarded, resolved and stored. */
    private void process(Context ctx, List<TrackedEntity> entities, Counts n, Set<String> seen) throws AppException {
        String programUid = ctx.program().uid();
        List<String> deletions = new ArrayList<>();
        Map<String, Enrollment> live = new LinkedHashMap<>();
        Map<String, TrackedEntity> teiOf = new HashMap<>();
        for (TrackedEntity te : entities) {
            n.fetched++;
            for (Enrollment e : te.enrollmentsIn(programUid)) {
                if (te.deleted() || e.deleted()) {
                    deletions.add(e.uid());
                } else {
                    live.put(e.uid(), e);
                    teiOf.put(e.uid(), te);
                    if (seen != null) {
                        seen.add(e.uid());
                    }
                }
            }
        }
        if (!deletions.isEmpty()) {
            n.deleted += registry.deleteEnrollments(programUid, deletions);
        }
        Map<String, String> versions = registry.enrollmentVersions(programUid, live.keySet());
        List<String> changed = new ArrayList<>();
        Map<String, Instant> stamp = new HashMap<>();
        for (Map.Entry<String, Enrollment> e : live.entrySet()) {
            Instant v = version(teiOf.get(e.getKey()), e.getValue());
            stamp.put(e.getKey(), v);
            String before = versions.get(e.getKey());
            if (before != null && v != null && before.equals(v.toString())) {
                n.unchanged++;
            } else {
                changed.add(e.getKey());
                if (cardStep != null) {
                    n.changedUids.add(e.getKey());
                }
                if (before == null) {
                    n.created++;
                } else {
                    n.updated++;
                }
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<String, MpiService.Request> requests = new LinkedHashMap<>();
        for (String uid : changed) {
            TrackedEntity te = teiOf.get(uid);
            if (!requests.containsKey(te.uid())) {
                Map<String, String> card = cardFields(ctx, te);
                requests.put(te.uid(), new MpiService.Request(person(ctx, te, live.get(uid), card), programUid,
                        te.uid(), card.get("phone_number")));
            }
        }
        Map<String, String> mpiOf = new HashMap<>();
        for (MpiService.Resolution r : ctx.mpi().resolveAll(new ArrayList<>(requests.values()))) {
            mpiOf.put(r.teiUid(), r.mpiId());
            if (r.decision() == Decision.LINKED) {
                n.linked++;
            } else if (r.decision() == Decision.REVIEW) {
                n.review++;
            } else if (r.decision() == Decision.NEW) {
                n.created_ids++;
            }
        }
        List<EnrollmentRecord> records = new ArrayList<>(changed.size());
        for (String uid : changed) {
            TrackedEntity te = teiOf.get(uid);
            Enrollment e = live.get(uid);
            records.add(new EnrollmentRecord(uid, programUid, e.orgUnit() != null ? e.orgUnit() : te.orgUnit(),
                    te.uid(), mpiOf.get(te.uid()), e.status(), instant(e.enrolledAt()), instant(e.occurredAt()),
                    stamp.get(uid), guarded(ctx.program(), te, n)));
        }
        registry.saveEnrollments(records);
    }

    /** Every attribute value of the program, sensitive ones wrapped; counts the sensitive values blocked. */
    private static List<EnrollmentRecord.Value> guarded(ProgramInfo program, TrackedEntity te, Counts n) {
        List<EnrollmentRecord.Value> values = new ArrayList<>();
        for (ProgramInfo.Attribute a : program.attributes()) {
            Optional<String> v = te.value(a.uid());
            if (v.isEmpty() || v.get().isEmpty()) {
                continue;
            }
            SensitiveCategory c = a.guard() == null ? SensitiveCategory.HIV_AIDS : a.guard().category();
            GuardedValue g = GuardedValue.of(v.get(), c);
            if (c.isSensitive()) {
                n.sensitive++;
            }
            values.add(new EnrollmentRecord.Value(a.uid(), g));
        }
        return values;
    }

    /** The identity fields for the MPI, from the card fields; registered with the log masker. */
    /** The entity's card fields through the mapping's transforms (guarded attributes are never read). */
    private static Map<String, String> cardFields(Context ctx, TrackedEntity te) {
        CardValues.Source source = CardValues.Source.of(ctx.program(), te);
        Map<String, String> byField = new HashMap<>();
        for (CardValues.Value v : ctx.values().transform(source)) {
            if (v.text() != null) {
                byField.put(v.field(), v.text());
            }
        }
        return byField;
    }

    private static PersonFields person(Context ctx, TrackedEntity te, Enrollment e, Map<String, String> byField) {
        Redactor redactor = Redactor.global();
        redactor.registerSensitiveWords(byField.get("first_name"), "NAME");
        redactor.registerSensitiveWords(byField.get("last_name"), "NAME");
        redactor.registerSensitive(byField.get("date_of_birth"), "DOB");
        String orgUnit = e.orgUnit() != null ? e.orgUnit() : te.orgUnit();
        String district = ctx.values().district(orgUnit).orElse(null);
        String commune = byField.getOrDefault("zone", ctx.orgUnits().unit(orgUnit).map(u -> u.displayName())
                .orElse(null));
        return new PersonFields(te.uid(), byField.get("first_name"), byField.get("last_name"),
                byField.get("date_of_birth"), byField.get("gender"), commune, district);
    }

    /** The later of the entity's and the enrollment's last update: attribute changes touch only the entity. */
    private static Instant version(TrackedEntity te, Enrollment e) {
        Instant a = instant(te.updatedAt());
        Instant b = instant(e.updatedAt());
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant instant(String dhis2Time) {
        return dhis2Time == null ? null : Dhis2Time.parse(dhis2Time).map(t -> t.toInstant(ZoneOffset.UTC))
                .orElse(null);
    }

    static String code(Dhis2Exception e) {
        if (e instanceof Dhis2AuthenticationException) {
            return "DHIS2_AUTH_FAILED";
        }
        if (e instanceof Dhis2UnreachableException u && u.reason() == Dhis2UnreachableException.Reason.TIMEOUT) {
            return "DHIS2_TIMEOUT";
        }
        return "DHIS2_" + e.category().toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> args(AppException e) {
        List<String> out = new ArrayList<>();
        for (Object a : e.args()) {
            out.add(String.valueOf(a));
        }
        return out;
    }

    /** A run still marked running was interrupted (crash, kill, power): it is recorded as failed. */
    /**
     * The enrollments this run changed, with those written by the attempts it follows since the last run that reached
     * its end (a crash, a cancel or a failure after some pages): their cards are due too.
     */
    private Set<String> changedSince(String programUid, String runId, Instant started, Set<String> changedNow) {
        Instant since = started;
        try {
            for (SyncRunRecord r : registry.syncRuns(programUid, 50)) {
                if (r.id().equals(runId)) {
                    continue;
                }
                if (!"failed".equals(r.status()) && !"cancelled".equals(r.status())) {
                    break;
                }
                since = r.startedAt();
            }
            if (since.equals(started)) {
                return changedNow;
            }
            Set<String> all = new java.util.HashSet<>(changedNow);
            all.addAll(registry.enrollmentUidsSyncedSince(programUid, since));
            return all;
        } catch (RegistryException e) {
            LOG.warn("Enrollments of interrupted sync attempts not read: {}", e.messageKey());
            return changedNow;
        }
    }

    private void closeInterrupted(String programUid) throws RegistryException {
        for (SyncRunRecord r : registry.syncRuns(programUid, 5)) {
            if ("running".equals(r.status())) {
                save(new SyncRunRecord(r.id(), r.programUid(), r.trigger(), "failed", r.startedAt(), r.startedAt(),
                        r.fetched(), r.created(), r.updated(), r.unchanged(), r.deleted(), r.mpiLinked(),
                        r.mpiReview(), r.mpiNew(), r.sensitiveBlocked(), 0, "INTERRUPTED", r.detail()));
            }
        }
    }

    private void save(SyncRunRecord r) throws RegistryException {
        registry.saveSyncRun(r);
    }

    private SyncRunRecord record(String id, SyncRequest req, SyncRun.Status status, Instant started, Instant finished,
            Counts n, boolean suggested, long resumedAt, String errorCode, String errorKey, List<String> errorArgs) {
        return toRecord(new SyncRun(id, req.programUid(), req.trigger(), req.mode(), status, started, finished,
                n.fetched, n.created, n.updated, n.unchanged, n.deleted, n.linked, n.review, n.created_ids,
                n.sensitive, 0, suggested, resumedAt, errorCode, errorKey, errorArgs, SyncRun.NO_CARDS, null));
    }

    static SyncRunRecord toRecord(SyncRun r) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mode", r.mode().name());
        detail.put("suggestedMapping", r.suggestedMapping());
        detail.put("resumedAt", r.resumedAt());
        detail.put("errorKey", r.errorKey());
        detail.put("errorArgs", r.errorArgs());
        detail.put("cards", r.cards());
        detail.put("cardsErrorKey", r.cardsErrorKey());
        String json;
        try {
            json = JSON.writeValueAsString(detail);
        } catch (java.io.IOException e) {
            json = "{}";
        }
        return new SyncRunRecord(r.id(), r.programUid(), r.trigger().name(), r.status().code(), r.startedAt(),
                r.finishedAt(), r.fetched(), r.created(), r.updated(), r.unchanged(), r.deleted(), r.mpiLinked(),
                r.mpiReview(), r.mpiNew(), r.sensitiveBlocked(), r.durationMs(), r.errorCode(), json);
    }

    /** A record read back from the registry. */
    public static SyncRun fromRecord(SyncRunRecord r) {
        Map<String, Object> detail = Map.of();
        try {
            if (r.detail() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = JSON.readValue(r.detail(), Map.class);
                detail = d;
            }
        } catch (java.io.IOException e) {
            detail = Map.of();
        }
        @SuppressWarnings("unchecked")
        List<String> errorArgs = detail.get("errorArgs") instanceof List<?> l ? (List<String>) l : List.of();
        SyncTrigger trigger;
        try {
            trigger = SyncTrigger.valueOf(r.trigger());
        } catch (IllegalArgumentException e) {
            trigger = SyncTrigger.MANUAL;
        }
        SyncRequest.Mode mode;
        try {
            mode = SyncRequest.Mode.valueOf(String.valueOf(detail.getOrDefault("mode", "INCREMENTAL")));
        } catch (IllegalArgumentException e) {
            mode = SyncRequest.Mode.INCREMENTAL;
        }
        return new SyncRun(r.id(), r.programUid(), trigger, mode, SyncRun.Status.valueOf(r.status()
                .toUpperCase(java.util.Locale.ROOT)), r.startedAt(), r.finishedAt(), r.fetched(), r.created(),
                r.updated(), r.unchanged(), r.deleted(), r.mpiLinked(), r.mpiReview(), r.mpiNew(),
                r.sensitiveBlocked(), r.durationMs(), Boolean.TRUE.equals(detail.get("suggestedMapping")),
                detail.get("resumedAt") instanceof Number num ? num.longValue() : 0, r.errorCode(),
                (String) detail.get("errorKey"), errorArgs,
                detail.get("cards") instanceof Number c ? c.longValue() : SyncRun.NO_CARDS,
                (String) detail.get("cardsErrorKey"));
    }

    /** The latest runs, newest first (all programs when {@code programUid} is null). */
    public List<SyncRun> history(String programUid, int limit) throws RegistryException {
        return registry.syncRuns(programUid, limit).stream().map(SyncService::fromRecord).toList();
    }
}
