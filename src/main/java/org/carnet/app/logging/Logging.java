package org.carnet.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback once, in code, after the home folder is known: a rotating {@code logs/carnet.log}
 * (5 files of 5 MiB) and, with {@code --debug}, the same lines on stderr. Every line goes through
 * {@link MaskingConverter}.
 */
public final class Logging {
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %mask(%msg%n%ex)";

    /** Held strongly: java.util.logging keeps only weak references to configured loggers. */
    private static final java.util.logging.Logger JAVAFX_PLATFORM =
            java.util.logging.Logger.getLogger("javafx");

    private Logging() {
    }

    /**
     * Silences JavaFX's start-up warning "Unsupported JavaFX configuration: classes were loaded from 'unnamed
     * module'": Carnet runs JavaFX from the class path on purpose (architecture.md §3.1), so the line only worries
     * users. Real JavaFX errors (SEVERE) still show.
     */
    public static void quietJavaFxClassPathWarning() {
        JAVAFX_PLATFORM.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Registers {@code %mask} on a context (tests use this for their own appenders). */
    @SuppressWarnings("unchecked")
    public static void registerConverter(LoggerContext ctx) {
        Object existing = ctx.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        Map<String, String> registry = existing instanceof Map<?, ?> m ? (Map<String, String>) m : new HashMap<>();
        registry.put("mask", MaskingConverter.class.getName());
        ctx.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, registry);
    }

    public static void configure(Path logsDir, boolean debug) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        registerConverter(ctx);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("file");
        file.setFile(logsDir.resolve("carnet.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(file);
        rolling.setFileNamePattern(logsDir.resolve("carnet.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(ctx));
        file.start();

        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        ctx.getLogger("org.carnet").setLevel(debug ? Level.DEBUG : Level.INFO);
        ctx.getLogger("okhttp3").setLevel(Level.WARN);
        ctx.getLogger("org.apache.pdfbox").setLevel(Level.WARN);

        if (debug) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(ctx);
            console.setName("stderr");
            console.setTarget("System.err");
            console.setEncoder(encoder(ctx));
            console.start();
            root.addAppender(console);
        }
    }

    static PatternLayoutEncoder encoder(LoggerContext ctx) {
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern(PATTERN);
        enc.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        enc.start();
        return enc;
    }

    /** A layout with the masking pattern, for tests and in-memory appenders. */
    public static PatternLayout layout(LoggerContext ctx) {
        registerConverter(ctx);
        PatternLayout layout = new PatternLayout();
        layout.setContext(ctx);
        layout.setPattern(PATTERN);
        layout.start();
        return layout;
    }

    public static void shutdown() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.stop();
        }
    }
}
