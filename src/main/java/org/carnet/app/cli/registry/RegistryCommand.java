package org.carnet.app.cli.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet registry stats [--json]}. */
@Command(name = "registry")
final class RegistryCommand extends GroupCommand {

    @Command(name = "stats")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        Stats(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RegistryStats s;
            try (Registry r = RegistrySession.open(ctx)) {
                s = r.stats();
            }
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("identities", s.identities());
                root.put("review_items", s.reviewItems());
                root.put("cards", s.cards());
                Map<String, Object> programs = new LinkedHashMap<>();
                s.programs().forEach((uid, p) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.name());
                    m.put("tracked_entities", p.trackedEntities());
                    m.put("enrollments", p.enrollments());
                    programs.put(uid, m);
                });
                root.put("programs", programs);
                ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
                return 0;
            }
            ctx.out().println(ctx.text("cli.stats.identities", s.identities()));
            ctx.out().println(ctx.text("cli.stats.review", s.reviewItems()));
            ctx.out().println(ctx.text("cli.stats.cards", s.cards()));
            ctx.out().println(ctx.text("cli.stats.programs", s.programs().size()));
            s.programs().forEach((uid, p) -> ctx.out().println(ctx.text("cli.stats.program", uid,
                    p.name() == null ? "?" : p.name(), p.trackedEntities(), p.enrollments())));
            return 0;
        }
    }

}
