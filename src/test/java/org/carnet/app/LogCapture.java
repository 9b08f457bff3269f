package org.carnet.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Sees every logging call of the process, enabled or not, with its arguments and throwable, before any layout or
 * masking; survives the CLI reconfiguring Logback for its home folder. For privacy tests: what is captured here is
 * what code tried to log.
 */
public final class LogCapture implements AutoCloseable {
    private final StringBuffer captured = new StringBuffer();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final TurboFilter filter = new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            if (format != null) {
                captured.append(MessageFormatter.arrayFormat(format, params).getMessage()).append('\n');
            }
            for (Throwable c = t; c != null; c = c.getCause()) {
                captured.append(c).append('\n');
            }
            return FilterReply.NEUTRAL;
        }
    };
    private final LoggerContextListener listener = new LoggerContextListener() {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext c) {
        }

        @Override
        public void onReset(LoggerContext c) {
            install();
        }

        @Override
        public void onStop(LoggerContext c) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    };

    public LogCapture() {
        context.addListener(listener);
        install();
    }

    private void install() {
        if (!context.getTurboFilterList().contains(filter)) {
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** Everything captured so far. */
    public String text() {
        return captured.toString();
    }

    @Override
    public void close() {
        context.removeListener(listener);
        context.getTurboFilterList().remove(filter);
    }
}
