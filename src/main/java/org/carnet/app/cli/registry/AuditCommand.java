package org.carnet.app.cli.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.AppException;
import org.carnet.core.registry.AuditEntry;
import org.carnet.core.registry.AuditVerification;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.settings.AppHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet audit verify} and {@code carnet audit list [--json] [--limit N]}. */
@Command(name = "audit")
final class AuditCommand extends GroupCommand {

    @Command(name = "verify")
    static final class Verify implements Callable<Integer> {
        private final CliContext ctx;

        Verify(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            AppHome home = RegistrySession.existingRegistryHome(ctx);
            char[] passphrase = Secrets.read(ctx, Secrets.PASSPHRASE, "cli.secret.prompt");
            AuditVerification v;
            try (Registry r = Registries.openForVerification(home.registryFile(), passphrase, RegistrySession.actor())) {
                v = r.verifyAudit();
            }
            if (v.intact()) {
                ctx.out().println(ctx.text("cli.audit.intact", v.entries()));
                return 0;
            }
            throw new AppException("cli.audit.broken", "audit chain broken at " + v.firstBrokenSeq(),
                    v.firstBrokenSeq(), ctx.text(v.problemKey()), v.entries());
        }
    }

    @Command(name = "list")
    static final class ListEntries implements Callable<Integer> {
        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", descriptionKey = "cli.option.limit")
        int limit;

        private final CliContext ctx;

        ListEntries(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (limit < 1) {
                throw new AppException("cli.audit.badLimit", "limit must be positive", limit);
            }
            List<AuditEntry> entries;
            try (Registry r = RegistrySession.open(ctx)) {
                entries = r.auditEntries(limit);
            }
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (AuditEntry e : entries) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("seq", e.seq());
                    m.put("at", e.at().toString());
                    m.put("user", e.osUser());
                    m.put("channel", e.channel());
                    m.put("action", e.action());
                    m.put("resource", e.resource());
                    m.put("reason", e.reason());
                    m.put("hash", e.hash());
                    out.add(m);
                }
                ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
                return 0;
            }
            ctx.out().println(String.format("%6s  %-24s  %-9s  %-12s  %-28s  %s", "#", ctx.text("cli.audit.col.time"),
                    ctx.text("cli.audit.col.channel"), ctx.text("cli.audit.col.user"), ctx.text("cli.audit.col.action"),
                    ctx.text("cli.audit.col.resource")));
            for (AuditEntry e : entries) {
                String line = String.format("%6d  %-24s  %-9s  %-12s  %-28s  %s", e.seq(), e.at(), e.channel(),
                        e.osUser(), e.action(), e.resource());
                ctx.out().println(e.reason() == null || e.reason().isEmpty() ? line : line + "  — " + e.reason());
            }
            return 0;
        }
    }
}
