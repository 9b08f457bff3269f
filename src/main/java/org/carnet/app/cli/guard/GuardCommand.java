package org.carnet.app.cli.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.core.common.AppException;
import org.carnet.core.guard.AttributeClassifier;
import org.carnet.core.guard.GuardEvaluation;
import org.carnet.core.guard.GuardFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet guard ...}: the sensitive data guard on metadata files, without a home folder. */
@Command(name = "guard")
final class GuardCommand extends GroupCommand {
    /** Width of the first column of the evaluation tables. */
    private static final int FIRST = 14;
    /** Minimum width of the other columns. */
    private static final int COLUMN = 10;

    /** {@code carnet guard classify --input ATTRS.jsonl --out LABELS.jsonl}. */
    @Command(name = "classify")
    static final class Classify implements Callable<Integer> {
        @Option(names = "--input", paramLabel = "FILE", required = true, descriptionKey = "cli.option.guardInput")
        Path input;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.guardOut")
        Path out;

        private final CliContext ctx;

        Classify(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            int n = GuardFiles.classify(input, out, new AttributeClassifier());
            ctx.out().println(ctx.text("cli.guard.classified", n, out));
            return Cli.OK;
        }
    }

    /** {@code carnet guard eval --input LABELLED.jsonl}: recall, precision and macro-F1 as aligned tables. */
    @Command(name = "eval")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--input", paramLabel = "FILE", required = true,
                descriptionKey = "cli.option.guardEvalInput")
        Path input;

        private final CliContext ctx;

        Eval(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws AppException {
            List<GuardEvaluation.LabelledAttribute> records = GuardFiles.readLabelled(input);
            GuardEvaluation.Report r = GuardEvaluation.evaluate(records, new AttributeClassifier());
            ctx.out().println(ctx.text("cli.guard.eval.title", r.overall().records(), r.overall().sensitive()));
            ctx.out().println();
            ctx.out().println(row(ctx.text("cli.guard.eval.subset"), ctx.text("cli.guard.eval.columns").split("\\|")));
            ctx.out().println(row(ctx.text("cli.guard.eval.overall"), scores(r.overall())));
            for (Map.Entry<String, GuardEvaluation.Scores> e : r.byLanguage().entrySet()) {
                ctx.out().println(row(e.getKey(), scores(e.getValue())));
            }
            ctx.out().println();
            ctx.out().println(row(ctx.text("cli.guard.eval.category"),
                    ctx.text("cli.guard.eval.categoryColumns").split("\\|")));
            for (GuardEvaluation.CategoryScores c : r.byCategory().values()) {
                ctx.out().println(row(c.category().name(), String.valueOf(c.records()), number(c.blocked()),
                        number(c.precision()), number(c.recall()), number(c.f1())));
            }
            ctx.out().println();
            ctx.out().println(ctx.text("cli.guard.eval.leaks", r.leaks().size()));
            for (GuardEvaluation.Leak leak : r.leaks()) {
                String lang = leak.record().attribute().lang();
                ctx.out().println(ctx.text("cli.guard.eval.leak", lang == null ? GuardEvaluation.UNKNOWN_LANGUAGE
                        : lang, leak.record().label(), leak.record().attribute().name()));
            }
            return Cli.OK;
        }

        private static String[] scores(GuardEvaluation.Scores s) {
            return new String[] {String.valueOf(s.records()), String.valueOf(s.sensitive()), number(s.recall()),
                    number(s.precision()), number(s.macroF1()), number(s.strictMacroF1())};
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
        }

        private static String row(String first, String... cells) {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%-" + FIRST + "s", first));
            for (String c : cells) {
                out.add(String.format(Locale.ROOT, "%" + Math.max(COLUMN, c.length()) + "s", c));
            }
            return String.join(" ", out).stripTrailing();
        }
    }
}
