package org.carnet.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import org.carnet.core.guard.Redactor;

/**
 * Logback conversion word {@code %mask(...)}: everything inside goes through the {@link Redactor} (phone numbers,
 * e-mails, tokens, the home folder and every value the guard registered) before it reaches an appender.
 */
public final class MaskingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return Redactor.global().redact(in);
    }
}
