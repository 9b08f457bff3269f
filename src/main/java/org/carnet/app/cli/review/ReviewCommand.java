package org.carnet.app.cli.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.mpi.ReviewService;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet review ...}: the probable duplicates and their decisions. Names are printed (the person deciding
 * needs them); they never go to the log.
 */
@Command(name = "review")
final class ReviewCommand extends GroupCommand {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Map<String, Object> json(ReviewService.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("probability", Math.round(i.score() * 10000) / 10000.0);
        m.put("status", i.item().status());
        m.put("created_at", i.item().createdAt().toString());
        m.put("kind", i.kind());
        m.put("programs", i.programs());
        for (Map.Entry<String, ReviewService.Side> s : Map.of("a", i.a(), "b", i.b()).entrySet()) {
            Map<String, Object> side = new LinkedHashMap<>();
            var d = s.getValue().identity().demographics();
            side.put("mpi_id", s.getValue().identity().mpiId());
            side.put("first_name", d.firstName());
            side.put("last_name", d.lastName());
            side.put("date_of_birth", d.dateOfBirth());
            side.put("sex", d.sex());
            side.put("commune", d.commune());
            side.put("district", d.district());
            side.put("records", s.getValue().links().size());
            m.put(s.getKey(), side);
        }
        m.put("fields", i.fields().stream().map(f -> Map.of("field", f.field(), "level", f.level(), "weight",
                Math.round(f.weight() * 100) / 100.0)).toList());
        return m;
    }

    /** {@code carnet review list [--status S] [--min P] [--max P] [--program UID] [--district TEXT] [--json]}. */
    @Command(name = "list")
    static final class ListItems implements Callable<Integer> {
        @Option(names = "--status", paramLabel = "pending|deferred|linked|separated",
                descriptionKey = "cli.option.reviewStatus")
        String status;

        @Option(names = "--min", paramLabel = "P", defaultValue = "0", descriptionKey = "cli.option.reviewMin")
        double min;

        @Option(names = "--max", paramLabel = "P", defaultValue = "1", descriptionKey = "cli.option.reviewMax")
        double max;

        @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.reviewProgram")
        String program;

        @Option(names = "--district", paramLabel = "TEXT", descriptionKey = "cli.option.reviewDistrict")
        String district;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", descriptionKey = "cli.option.syncLimit")
        int limit;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        ListItems(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<ReviewService.Item> items;
            Map<String, Long> counts;
            try (Registry r = RegistrySession.open(ctx)) {
                items = new ReviewService(r).list(new ReviewService.Filter(status, min, max, program, district),
                        Math.max(1, limit));
                counts = r.reviewCounts();
            }
            if (json) {
                ctx.out().println(JSON.writeValueAsString(items.stream().map(ReviewCommand::json).toList()));
                return Cli.OK;
            }
            ctx.out().println(ctx.text("cli.review.counts", counts.getOrDefault("pending", 0L),
                    counts.getOrDefault("deferred", 0L), counts.getOrDefault("linked", 0L),
                    counts.getOrDefault("separated", 0L)));
            for (ReviewService.Item i : items) {
                var a = i.a().identity();
                var b = i.b().identity();
                ctx.out().println(String.format(Locale.ROOT, "%s  p=%.3f  %s %s %s (%s)  ~  %s %s %s (%s)", i.id(),
                        i.score(), nz(a.demographics().firstName()), nz(a.demographics().lastName()),
                        nz(a.demographics().dateOfBirth()), a.mpiId(), nz(b.demographics().firstName()),
                        nz(b.demographics().lastName()), nz(b.demographics().dateOfBirth()), b.mpiId()));
            }
            return Cli.OK;
        }
    }

    static String nz(String s) {
        return s == null ? "—" : s;
    }

    /** {@code carnet review decide --item ID --action link|separate|defer --reason TEXT [--keep MPI_ID]}. */
    @Command(name = "decide")
    static final class Decide implements Callable<Integer> {
        @Option(names = "--item", paramLabel = "ID", required = true, descriptionKey = "cli.option.reviewItem")
        String item;

        @Option(names = "--action", paramLabel = "link|separate|defer", required = true,
                descriptionKey = "cli.option.reviewAction")
        String action;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.reviewReason")
        String reason;

        @Option(names = "--keep", paramLabel = "MPI_ID", descriptionKey = "cli.option.reviewKeep")
        String keep;

        private final CliContext ctx;

        Decide(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry r = RegistrySession.open(ctx)) {
                ReviewService review = new ReviewService(r);
                switch (action.strip().toLowerCase(Locale.ROOT)) {
                    case "link" -> ctx.out().println(ctx.text("cli.review.linked", review.link(item, keep, reason)));
                    case "separate" -> {
                        review.separate(item, reason);
                        ctx.out().println(ctx.text("cli.review.separated"));
                    }
                    case "defer" -> {
                        review.defer(item, reason);
                        ctx.out().println(ctx.text("cli.review.deferred"));
                    }
                    default -> throw new AppException("cli.review.badAction", "unknown action", action);
                }
            }
            return Cli.OK;
        }
    }

    /** {@code carnet review undo --merge ID --reason TEXT}: undoes a link (see {@code carnet person show}). */
    @Command(name = "undo")
    static final class Undo implements Callable<Integer> {
        @Option(names = "--merge", paramLabel = "ID", required = true, descriptionKey = "cli.option.reviewMerge")
        String merge;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.reviewReason")
        String reason;

        private final CliContext ctx;

        Undo(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry r = RegistrySession.open(ctx)) {
                new ReviewService(r).undo(merge, reason);
            }
            ctx.out().println(ctx.text("cli.review.undone"));
            return Cli.OK;
        }
    }
}
