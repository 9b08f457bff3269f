package org.carnet.app.cli.export;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.export.AnalyticsExport;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet export --program UID --format csv|json --out FILE}: a program's enrollments for analytics, with a
 * pseudonymous MPI id and without guarded or identifying attributes.
 */
@Command(name = "export")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.exportProgram")
    String program;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            descriptionKey = "cli.option.exportFormat")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.exportOut")
    Path out;

    private final CliContext ctx;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException {
        AnalyticsExport.Format f = AnalyticsExport.Format.parse(format);
        AnalyticsExport.Summary s;
        try (Registry registry = RegistrySession.open(ctx)) {
            s = new AnalyticsExport(registry).export(program, f, out);
        }
        ctx.out().println(ctx.text("cli.export.written", s.enrollments(), s.columns().size(), out));
        String byCategory = s.guarded().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
        ctx.out().println(ctx.text("cli.export.summary", s.guardedTotal(),
                byCategory.isEmpty() ? "—" : byCategory, s.identifying(), s.unresolved()));
        return Cli.OK;
    }

}
