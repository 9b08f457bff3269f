package org.carnet.app.cli.guard;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.guard.AttributeGuard;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The guard's commands on the registry's cached programs: {@code carnet guard list|set|label}. */
final class GuardPolicyCommands {
    private GuardPolicyCommands() {
    }

    static SensitiveCategory category(String s) throws AppException {
        try {
            return SensitiveCategory.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AppException("cli.guard.badCategory", "unknown category", s);
        }
    }

    static void printProgram(CliContext ctx, ProgramInfo p, boolean all) {
        ctx.out().println(ctx.text("cli.guard.list.program", p.name(), p.uid(), p.guardedAttributes().size(),
                p.attributes().size()));
        if (p.label().flagged()) {
            ctx.out().println(ctx.text("cli.guard.list.flagged", p.label().revealed(), p.label().reason(),
                    p.label().publicLabel() == null ? ctx.text("guard.publicLabel.default") : p.label().publicLabel()));
        }
        for (ProgramInfo.Attribute a : p.attributes()) {
            AttributeGuard g = a.guard();
            if (!all && !g.sensitive() && g.source() == AttributeGuard.Source.CLASSIFIER) {
                continue;
            }
            String name = a.displayName() == null ? a.uid() : a.displayName();
            if (g.source() == AttributeGuard.Source.ADMIN) {
                ctx.out().println(ctx.text("cli.guard.list.admin", g.category(), name, a.uid(), g.detected(),
                        g.reason().isEmpty() ? "—" : g.reason(), g.changedAt()));
            } else {
                ctx.out().println(ctx.text("cli.guard.list.attribute", g.category(), name, a.uid(),
                        String.format(Locale.ROOT, "%.2f", g.confidence()), g.reason()));
            }
        }
    }

    /** {@code carnet guard list [--program UID] [--all]}: the guarded attributes of the cached programs. */
    @Command(name = "list")
    static final class ListGuarded implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.guardProgram")
        String program;

        @Option(names = "--all", descriptionKey = "cli.option.guardAll")
        boolean all;

        private final CliContext ctx;

        ListGuarded(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            try (Registry registry = RegistrySession.open(ctx)) {
                ProgramGuards guards = new ProgramGuards(registry);
                java.util.List<ProgramInfo> programs = program == null ? guards.programs()
                        : java.util.List.of(guards.program(program).orElseThrow(() -> new AppException(
                                "error.guard.noProgram", "program not cached", program)));
                if (programs.isEmpty()) {
                    ctx.out().println(ctx.text("cli.programs.none"));
                }
                for (ProgramInfo p : programs) {
                    printProgram(ctx, p, all);
                }
            }
            return Cli.OK;
        }
    }

    /** {@code carnet guard set --program UID --attribute UID --category CAT [--reason TEXT]}. */
    @Command(name = "set")
    static final class Set implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.guardProgram")
        String program;

        @Option(names = "--attribute", paramLabel = "UID", required = true,
                descriptionKey = "cli.option.guardAttribute")
        String attribute;

        @Option(names = "--category", paramLabel = "CAT", required = true, descriptionKey = "cli.option.guardCategory")
        String categoryName;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.option.guardReason")
        String reason;

        private final CliContext ctx;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            SensitiveCategory category = category(categoryName);
            try (Registry registry = RegistrySession.open(ctx)) {
                ProgramInfo p = new ProgramGuards(registry).setCategory(program, attribute, category, reason);
                ProgramInfo.Attribute a = p.attributes().stream().filter(x -> x.uid().equals(attribute)).findFirst()
                        .orElseThrow();
                ctx.out().println(ctx.text("cli.guard.set", a.displayName() == null ? a.uid() : a.displayName(),
                        a.uid(), a.guard().category()));
            }
            return Cli.OK;
        }
    }

    /** {@code carnet guard label --program UID --label TEXT}: the neutral name shown instead of the program's. */
    @Command(name = "label")
    static final class Label implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.guardProgram")
        String program;

        @Option(names = "--label", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.guardLabel")
        String label;

        private final CliContext ctx;

        Label(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            try (Registry registry = RegistrySession.open(ctx)) {
                ProgramInfo p = new ProgramGuards(registry).setPublicLabel(program, label);
                ctx.out().println(ctx.text("cli.guard.labelled", p.uid(), p.label().publicLabel() == null
                        ? ctx.text("guard.publicLabel.default") : p.label().publicLabel()));
            }
            return Cli.OK;
        }
    }
}
