package org.carnet.app.cli.dhis2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet programs [--json]}: the saved Tracker programs and their attributes (works offline). */
@Command(name = "programs")
final class ProgramsCommand implements Callable<Integer> {
    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    private final CliContext ctx;

    ProgramsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<ProgramInfo> programs;
        try (Registry registry = RegistrySession.open(ctx)) {
            programs = new ConnectionStore(registry).programs();
        }
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ProgramInfo p : programs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.uid());
                m.put("name", p.name());
                m.put("code", p.code());
                List<Map<String, Object>> attrs = new ArrayList<>();
                for (ProgramInfo.Attribute a : p.attributes()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("id", a.uid());
                    am.put("code", a.code());
                    am.put("displayName", a.displayName());
                    am.put("valueType", a.valueType());
                    if (a.optionSetUid() != null) {
                        am.put("optionSet", a.optionSetUid());
                        am.put("options", a.options().stream().map(o -> Map.of("code", o.code(),
                                "displayName", o.displayName() == null ? o.code() : o.displayName())).toList());
                    }
                    am.put("confidential", a.confidential());
                    attrs.add(am);
                }
                m.put("attributes", attrs);
                out.add(m);
            }
            ctx.out().println(ConnectionOutput.JSON.writeValueAsString(out));
            return 0;
        }
        if (programs.isEmpty()) {
            ctx.out().println(ctx.text("cli.programs.none"));
            return 0;
        }
        for (ProgramInfo p : programs) {
            ctx.out().println(ctx.text("cli.programs.program", p.name(), p.uid(), p.attributes().size()));
            for (ProgramInfo.Attribute a : p.attributes()) {
                ctx.out().println(ctx.text("cli.programs.attribute", a.code() == null ? "—" : a.code(),
                        a.displayName() == null ? a.uid() : a.displayName(), a.valueType(), a.uid()));
            }
        }
        return 0;
    }
}
