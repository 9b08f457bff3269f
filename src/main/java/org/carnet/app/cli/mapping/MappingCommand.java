package org.carnet.app.cli.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.carnet.core.mapping.CardField;
import org.carnet.core.mapping.FieldMapping;
import org.carnet.core.mapping.MappingException;
import org.carnet.core.mapping.MappingIssue;
import org.carnet.core.mapping.MappingStore;
import org.carnet.core.mapping.MappingSuggester;
import org.carnet.core.mapping.MappingValidator;
import org.carnet.core.mapping.ProgramMapping;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carnet mapping ...}: DHIS2 attributes to card fields, per program (offline, from the cached metadata). */
@Command(name = "mapping")
final class MappingCommand extends GroupCommand {
    /** Prefix of an enrollment property in {@code FIELD=SOURCE} pairs: {@code enrollment_date=enrollment:enrolledAt}. */
    static final String ENROLLMENT = "enrollment:";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind
            .ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /** What every sub-command works on. */
    abstract static class OnProgram implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.mappingProgram")
        String program;

        final CliContext ctx;

        OnProgram(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry registry = RegistrySession.open(ctx)) {
                MappingStore store = new MappingStore(registry);
                return run(store, store.program(program));
            } catch (MappingException e) {
                printIssues(ctx, e.issues());
                throw e;
            }
        }

        abstract int run(MappingStore store, ProgramInfo p) throws Exception;
    }

    static String describe(CliContext ctx, ProgramInfo p, FieldMapping m) {
        if (m.by() == FieldMapping.By.ENROLLMENT) {
            return ENROLLMENT + m.source();
        }
        String attr = ProgramMapping.attribute(p, m).map(a -> a.displayName() + " (" + a.uid() + ")")
                .orElse(ctx.text("cli.mapping.notFound"));
        return (m.by() == FieldMapping.By.CODE ? "code " : "name ") + m.source() + "  →  " + attr;
    }

    static void printIssues(CliContext ctx, List<MappingIssue> issues) {
        for (MappingIssue i : issues) {
            ctx.out().println(ctx.text(i.blocking() ? "cli.mapping.issue.blocking" : "cli.mapping.issue.warning",
                    ctx.text(i.messageKey(), i.args())));
        }
    }

    static Map<String, Object> json(ProgramInfo p, ProgramMapping m, List<MappingIssue> issues) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("program", p.uid());
        out.put("version", m.version());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldMapping f : m.fields()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("field", f.field());
            o.put("by", f.by().name().toLowerCase(Locale.ROOT));
            o.put("source", f.source());
            ProgramMapping.attribute(p, f).ifPresent(a -> o.put("attribute", a.uid()));
            fields.add(o);
        }
        out.put("fields", fields);
        out.put("unmapped", m.unmapped().stream().map(CardField::key).toList());
        out.put("issues", issues.stream().map(i -> Map.of("kind", i.kind().name(), "field", i.field(),
                "blocking", i.blocking())).toList());
        return out;
    }

    /** {@code carnet mapping show --program UID [--json]}. */
    @Command(name = "show")
    static final class Show extends OnProgram {
        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(MappingStore store, ProgramInfo p) throws Exception {
            ProgramMapping m = store.current(p);
            List<MappingIssue> issues = MappingValidator.validate(p, m);
            if (json) {
                ctx.out().println(JSON.writeValueAsString(json(p, m, issues)));
                return Cli.OK;
            }
            ctx.out().println(m.version() == 0 ? ctx.text("cli.mapping.suggested", p.name(), p.uid())
                    : ctx.text("cli.mapping.saved", p.name(), p.uid(), m.version(), m.updatedAt()));
            for (FieldMapping f : m.fields()) {
                ctx.out().println(String.format(Locale.ROOT, "  %-16s %s", f.field(), describe(ctx, p, f)));
            }
            if (!m.unmapped().isEmpty()) {
                ctx.out().println(ctx.text("cli.mapping.unmapped", String.join(", ",
                        m.unmapped().stream().map(CardField::key).toList())));
            }
            printIssues(ctx, issues);
            return Cli.OK;
        }
    }

    /** {@code carnet mapping suggest --program UID [--save]}. */
    @Command(name = "suggest")
    static final class Suggest extends OnProgram {
        @Option(names = "--save", descriptionKey = "cli.option.mappingSaveSuggestions")
        boolean save;

        Suggest(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(MappingStore store, ProgramInfo p) throws Exception {
            List<MappingSuggester.Suggestion> suggestions = new MappingSuggester().suggest(p);
            for (MappingSuggester.Suggestion s : suggestions) {
                ctx.out().println(String.format(Locale.ROOT, "  %-16s %-40s %.2f  %s", s.field().key(),
                        describe(ctx, p, s.mapping()), s.confidence(), s.reason()));
            }
            if (save) {
                ProgramMapping saved = store.save(p, suggestions.stream().map(MappingSuggester.Suggestion::mapping)
                        .toList());
                ctx.out().println(ctx.text("cli.mapping.savedVersion", saved.version()));
            }
            return Cli.OK;
        }
    }

    /** {@code carnet mapping set --program UID FIELD=CODE... [--by-name]}: changes the current mapping and saves it. */
    @Command(name = "set")
    static final class Set extends OnProgram {
        @Parameters(paramLabel = "FIELD=SOURCE", arity = "1..*", descriptionKey = "cli.option.mappingPairs")
        List<String> pairs;

        @Option(names = "--by-name", descriptionKey = "cli.option.mappingByName")
        boolean byName;

        Set(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(MappingStore store, ProgramInfo p) throws Exception {
            ProgramMapping m = store.current(p);
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new AppException("cli.mapping.badPair", "not FIELD=SOURCE", pair);
                }
                String field = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String source = pair.substring(eq + 1).strip();
                if (source.isEmpty()) {
                    m = m.without(field);
                } else if (source.startsWith(ENROLLMENT)) {
                    m = m.with(new FieldMapping(field, FieldMapping.By.ENROLLMENT,
                            source.substring(ENROLLMENT.length())));
                } else {
                    m = m.with(byName ? FieldMapping.byName(field, source) : FieldMapping.byCode(field, source));
                }
            }
            ProgramMapping saved = store.save(p, m.fields());
            ctx.out().println(ctx.text("cli.mapping.savedVersion", saved.version()));
            printIssues(ctx, MappingValidator.validate(p, saved));
            return Cli.OK;
        }
    }

    /** {@code carnet mapping import --program UID --file FILE}. */
    @Command(name = "import")
    static final class Import extends OnProgram {
        @Option(names = "--file", paramLabel = "FILE", required = true, descriptionKey = "cli.option.mappingFile")
        Path file;

        Import(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(MappingStore store, ProgramInfo p) throws Exception {
            ProgramMapping saved = store.importFile(p, file);
            ctx.out().println(ctx.text("cli.mapping.savedVersion", saved.version()));
            printIssues(ctx, MappingValidator.validate(p, saved));
            return Cli.OK;
        }
    }

    /** {@code carnet mapping export --program UID --out FILE}. */
    @Command(name = "export")
    static final class Export extends OnProgram {
        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.mappingOut")
        Path out;

        Export(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(MappingStore store, ProgramInfo p) throws Exception {
            ProgramMapping m = store.current(p);
            MappingStore.export(p, m, out);
            ctx.out().println(ctx.text("cli.mapping.exported", m.fields().size(), out));
            return Cli.OK;
        }
    }
}
