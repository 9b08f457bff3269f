package org.carnet.app.cli.demo;

import java.util.List;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.CliModule;

/** The demo server's command: {@code carnet demo-server}. */
public final class DemoCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext context) {
        return List.of(new DemoServerCommand(context));
    }
}
