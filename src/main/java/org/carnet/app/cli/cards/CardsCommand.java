package org.carnet.app.cli.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.app.cli.render.DesignFiles;
import org.carnet.core.cards.CardsFromSync;
import org.carnet.core.cards.DesignStore;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.registry.IssuedCard;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.DesignJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet cards list|design|from-sync}: issued cards, programme designs, cards from sync. */
@Command(name = "cards")
final class CardsCommand extends GroupCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code carnet cards list [--program UID] [--limit N] [--json]}: issued cards, newest first. */
    @Command(name = "list")
    static final class ListCards implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.cardsProgram")
        String program;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", descriptionKey = "cli.option.syncLimit")
        int limit;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        ListCards(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<IssuedCard> cards;
            try (Registry r = RegistrySession.open(ctx)) {
                cards = r.issuedCards(program, Math.max(1, limit));
            }
            if (json) {
                ctx.out().println(JSON.writeValueAsString(cards.stream().map(CardsCommand::json).toList()));
                return Cli.OK;
            }
            if (cards.isEmpty()) {
                ctx.out().println(ctx.text("cli.cards.none"));
                return Cli.OK;
            }
            ctx.out().println(String.format(Locale.ROOT, "%-10s %-19s %-12s %-11s %-8s %-20s %s", "SERIAL", "MPI_ID",
                    "PROGRAM", "TEMPLATE", "STATUS", "ISSUED", "DESIGN"));
            for (IssuedCard c : cards) {
                ctx.out().println(String.format(Locale.ROOT, "%-10s %-19s %-12s %-11s %-8s %-20s %s", c.serial(),
                        c.mpiId(), c.programUid(), c.template(), c.status(),
                        c.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), c.designHash()
                                .substring(0, Math.min(12, c.designHash().length()))));
            }
            return Cli.OK;
        }
    }

    static Map<String, Object> json(IssuedCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", c.serial());
        m.put("mpi_id", c.mpiId());
        m.put("program", c.programUid());
        m.put("template", c.template());
        m.put("status", c.status());
        m.put("issued_at", c.issuedAt().toString());
        m.put("design_hash", c.designHash());
        m.put("payload_hash", c.payloadHash());
        m.put("job", c.jobId());
        return m;
    }

    /**
     * {@code carnet cards design [--program UID] (--import FILE | --export FILE)}: the design a programme's cards are
     * made with (without --program: the default design of all programmes).
     */
    @Command(name = "design")
    static final class Design implements Callable<Integer> {
        static final class Action {
            @Option(names = "--import", paramLabel = "FILE", required = true, descriptionKey = "cli.option.cardsImport")
            Path importFile;

            @Option(names = "--export", paramLabel = "FILE", required = true, descriptionKey = "cli.option.cardsExport")
            Path exportFile;
        }

        @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.cardsDesignProgram")
        String program;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Action action;

        private final CliContext ctx;

        Design(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry r = RegistrySession.open(ctx)) {
                DesignStore store = new DesignStore(r);
                if (action.importFile != null) {
                    CardDesign d = DesignFiles.read(action.importFile);
                    store.save(program, d);
                    ctx.out().println(ctx.text("cli.cards.designSaved", d.template(),
                            program == null ? DesignStore.DEFAULT_ID : program));
                } else {
                    CardDesign d = store.designFor(program);
                    AtomicFiles.writeBinary(action.exportFile, "render.error.write",
                            o -> o.write(DesignJson.write(d).getBytes(StandardCharsets.UTF_8)));
                    ctx.out().println(ctx.text("cli.cards.designExported", d.template(), action.exportFile));
                }
            }
            return Cli.OK;
        }
    }

    /**
     * {@code carnet cards from-sync --program UID (--folder DIR [--format pdf|a4|png-zip] | --off)}: whether each sync
     * of the programme issues the cards of new and changed enrollments, and where.
     */
    @Command(name = "from-sync")
    static final class FromSync implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.generateProgram")
        String program;

        @Option(names = "--folder", paramLabel = "DIR", descriptionKey = "cli.option.cardsFolder")
        Path folder;

        @Option(names = "--format", paramLabel = "pdf|a4|png-zip", defaultValue = "pdf",
                descriptionKey = "cli.option.generateFormat")
        String format;

        @Option(names = "--off", descriptionKey = "cli.option.cardsOff")
        boolean off;

        private final CliContext ctx;

        FromSync(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            OutputFormat f = OutputFormat.of(format).orElseThrow(() ->
                    new AppException("cli.generate.format", "unknown format", format));
            try (Registry r = RegistrySession.open(ctx)) {
                CardsFromSync.Settings s;
                if (off) {
                    CardsFromSync.Settings before = CardsFromSync.settings(r, program);
                    s = new CardsFromSync.Settings(program, false, before.folder(), before.format());
                } else if (folder != null) {
                    s = new CardsFromSync.Settings(program, true, folder.toAbsolutePath().toString(), f);
                } else {
                    s = CardsFromSync.settings(r, program);
                    ctx.out().println(s.enabled() ? ctx.text("cli.cards.fromSyncOn", program, s.folder(),
                            s.format().code()) : ctx.text("cli.cards.fromSyncOff", program));
                    return Cli.OK;
                }
                CardsFromSync.save(r, s);
                ctx.out().println(s.enabled() ? ctx.text("cli.cards.fromSyncOn", program, s.folder(), s.format().code())
                        : ctx.text("cli.cards.fromSyncOff", program));
            }
            return Cli.OK;
        }
    }
}
