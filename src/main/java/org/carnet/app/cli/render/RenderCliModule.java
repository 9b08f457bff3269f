package org.carnet.app.cli.render;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;

/** {@code carnet render}: one card as PNG or PDF. */
public final class RenderCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext ctx) {
        return List.of(new RenderCommand(ctx));
    }
}
