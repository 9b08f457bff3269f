package org.carnet.app.cli.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.registry.Registry;
import org.carnet.core.sync.SyncRequest;
import org.carnet.core.sync.SyncRun;
import org.carnet.core.cards.CardsFromSync;
import org.carnet.core.sync.SyncService;
import org.carnet.core.sync.SyncTrigger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet sync --program UID [--since DATE | --full] [--org-unit UID] [--enrolled-after DATE] [--json]}: one
 * sync run, printed as its run record. Exit code 0 only when the run succeeded.
 */
@Command(name = "sync")
final class SyncCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.syncProgram")
    String program;

    static final class Period {
        @Option(names = "--since", paramLabel = "DATE", descriptionKey = "cli.option.syncSince")
        String since;

        @Option(names = "--full", descriptionKey = "cli.option.syncFull")
        boolean full;
    }

    @ArgGroup(exclusive = true)
    Period period;

    @Option(names = "--org-unit", paramLabel = "UID", descriptionKey = "cli.option.syncOrgUnit")
    String orgUnit;

    @Option(names = "--enrolled-after", paramLabel = "DATE", descriptionKey = "cli.option.syncEnrolledAfter")
    String enrolledAfter;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    private final CliContext ctx;

    SyncCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (program == null) {
            throw new AppException("cli.sync.noProgram", "--program missing");
        }
        SyncRequest.Mode mode = SyncRequest.Mode.INCREMENTAL;
        LocalDateTime since = null;
        if (period != null && period.full) {
            mode = SyncRequest.Mode.FULL;
        } else if (period != null && period.since != null) {
            mode = SyncRequest.Mode.SINCE;
            since = date(period.since).atStartOfDay();
        }
        SyncRequest request = new SyncRequest(program, mode, since, orgUnit, enrolledAfter == null ? null
                : date(enrolledAfter), SyncTrigger.MANUAL);
        SyncRun run;
        try (Registry registry = RegistrySession.open(ctx)) {
            SyncService service = new SyncService(registry);
            service.setCardStep(new CardsFromSync(registry, java.time.Clock.systemDefaultZone()));
            run = service.run(request, ProgressSink.NONE, Cancellation.none());
        }
        print(ctx, run, json);
        return run.status() == SyncRun.Status.SUCCESS ? Cli.OK : 1;
    }

    private static LocalDate date(String s) throws AppException {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new AppException("cli.sync.badDate", "not an ISO date", s);
        }
    }

    /** The run record with the keys the issue names (counters, duration, status). */
    static Map<String, Object> json(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("program", r.programUid());
        m.put("trigger", r.trigger().name().toLowerCase(java.util.Locale.ROOT));
        m.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("status", r.status().code());
        m.put("fetched", r.fetched());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("deleted", r.deleted());
        m.put("mpi_linked", r.mpiLinked());
        m.put("mpi_review", r.mpiReview());
        m.put("mpi_new", r.mpiNew());
        m.put("sensitive_blocked", r.sensitiveBlocked());
        m.put("duration_ms", r.durationMs());
        m.put("suggested_mapping", r.suggestedMapping());
        m.put("resumed_at", r.resumedAt());
        m.put("started_at", r.startedAt().toString());
        m.put("error", r.errorCode());
        if (r.cards() != SyncRun.NO_CARDS) {
            m.put("cards", r.cards());
            m.put("cards_error", r.cardsErrorKey());
        }
        return m;
    }

    static void print(CliContext ctx, SyncRun run, boolean json) throws Exception {
        if (json) {
            Map<String, Object> m = json(run);
            if (run.errorKey() != null) {
                m.put("message", ctx.text(run.errorKey(), run.errorArgs().toArray()));
            }
            ctx.out().println(JSON.writeValueAsString(m));
            return;
        }
        ctx.out().println(ctx.text("cli.sync.result." + run.status().code(), run.programUid(), run.durationMs()));
        ctx.out().println(ctx.text("cli.sync.counts", run.fetched(), run.created(), run.updated(), run.unchanged(),
                run.deleted()));
        ctx.out().println(ctx.text("cli.sync.mpi", run.mpiLinked(), run.mpiReview(), run.mpiNew(),
                run.sensitiveBlocked()));
        if (run.suggestedMapping()) {
            ctx.out().println(ctx.text("cli.sync.suggestedMapping"));
        }
        if (run.resumedAt() > 0) {
            ctx.out().println(ctx.text("cli.sync.resumed", run.resumedAt()));
        }
        if (run.cards() != SyncRun.NO_CARDS) {
            ctx.out().println(ctx.text("cli.sync.cards", run.cards()));
        }
        if (run.cardsErrorKey() != null) {
            ctx.out().println(ctx.text("cli.sync.cardsError", ctx.text(run.cardsErrorKey())));
        }
        if (run.errorKey() != null) {
            ctx.out().println(ctx.text("cli.sync.error", run.errorCode(), ctx.text(run.errorKey(),
                    run.errorArgs().toArray())));
        }
    }

    /**
     * {@code carnet sync webhook-secret}: prints the webhook's secret (created on first use) for the DHIS2 event hook
     * or the scheduler that calls it.
     */
    @Command(name = "webhook-secret")
    static final class WebhookSecret implements Callable<Integer> {
        private final CliContext ctx;

        WebhookSecret(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry registry = RegistrySession.open(ctx)) {
                char[] secret = org.carnet.core.sync.SyncEngine.webhookSecret(registry);
                ctx.out().println(new String(secret));
                java.util.Arrays.fill(secret, '\0');
            }
            return Cli.OK;
        }
    }

    /** {@code carnet sync history [--program UID] [--limit N] [--json]}. */
    @Command(name = "history")
    static final class History implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.syncProgram")
        String program;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", descriptionKey = "cli.option.syncLimit")
        int limit;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        History(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<SyncRun> runs;
            try (Registry registry = RegistrySession.open(ctx)) {
                runs = new SyncService(registry).history(program, Math.max(1, limit));
            }
            if (json) {
                ctx.out().println(JSON.writeValueAsString(runs.stream().map(SyncCommand::json).toList()));
                return Cli.OK;
            }
            if (runs.isEmpty()) {
                ctx.out().println(ctx.text("cli.sync.history.none"));
            }
            for (SyncRun r : runs) {
                ctx.out().println(ctx.text("cli.sync.history.row", r.startedAt().toString(), r.programUid(),
                        r.trigger().name().toLowerCase(java.util.Locale.ROOT), r.status().code(), r.fetched(),
                        r.created(), r.updated(), r.deleted(), r.durationMs(), r.errorCode() == null ? ""
                                : r.errorCode()));
            }
            return Cli.OK;
        }
    }
}
