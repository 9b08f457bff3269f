package org.carnet.app.cli;

import java.util.List;

/** The commands of the foundation: {@code info} and {@code self-test}. */
public final class CoreCliModule implements CliModule {
    @Override
    public List<Object> commands(CliContext context) {
        return List.of(new InfoCommand(context), new SelfTestCommand(context));
    }
}
