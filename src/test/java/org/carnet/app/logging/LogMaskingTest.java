package org.carnet.app.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carnet.core.guard.Redactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Personal data never reaches the log file, even when code logs it by mistake. */
class LogMaskingTest {
    @TempDir
    Path home;

    @AfterEach
    void reset() {
        Redactor.global().clearSensitive();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.OFF);
    }

    @Test
    void theLogFileHoldsNoPhoneEmailTokenOrRegisteredValue() throws IOException {
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Logging.configure(logs, false);
        Redactor.global().registerSensitive("Aïssatou Bâ", "NAME");
        Redactor.global().registerSensitive("1987-03-09", "DOB");
        Redactor.global().registerSensitive("VIH positif", "HIV");

        Logger log = LoggerFactory.getLogger("org.carnet.test.Leaky");
        log.info("person Aïssatou Bâ born 1987-03-09 phone +221 76 555 12 34, mail a.ba@example.org");
        log.warn("status VIH positif for TEI dNpxRu1mWG5, header Authorization: Bearer d2p_0123456789abcdef");
        log.error("failure while handling Aïssatou Bâ", new IllegalStateException("value was 765551234"));
        Logging.shutdown();

        String text = Files.readString(logs.resolve("carnet.log"), StandardCharsets.UTF_8);
        for (String secret : new String[] {"Aïssatou", "1987-03-09", "76 555 12 34", "a.ba@example.org", "positif",
                "d2p_0123456789abcdef", "765551234"}) {
            assertFalse(text.contains(secret), "leaked: " + secret + "\n" + text);
        }
        assertTrue(text.contains("<redacted:NAME>"), text);
        assertTrue(text.contains("<redacted:DOB>"), text);
        assertTrue(text.contains("<phone>"), text);
        assertTrue(text.contains("dNpxRu1mWG5"), "identifiers stay readable");
        assertTrue(text.contains("IllegalStateException"), "exceptions are still logged");
    }

    @Test
    void theLogRotatesInsideTheLogsFolder() throws IOException {
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Logging.configure(logs, false);
        LoggerFactory.getLogger(LogMaskingTest.class).info("hello");
        Logging.shutdown();
        assertTrue(Files.exists(logs.resolve("carnet.log")));
    }
}
