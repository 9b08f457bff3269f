package org.carnet.app.cli.export;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;

/** {@code carnet export}: the analytics export. */
public final class ExportCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new ExportCommand(ctx));
    }
}
