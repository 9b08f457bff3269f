package org.carnet.core.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the demo server can inject in place of (or around) its normal answer; see {@link DemoFaults}.
 * Faults act before authentication, like a proxy or a broken network would.
 */
public sealed interface DemoFault {
    /**
     * Answers {@code status} instead of the normal answer: 502, 503 and 504 with the HTML page an nginx proxy
     * shows, any other 4xx/5xx with a DHIS2 WebMessage JSON body.
     */
    record Status(int status) implements DemoFault {
        public Status {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
            }
        }
    }

    /** Waits {@code delay} before answering normally (to trigger client read timeouts). */
    record Delay(Duration delay) implements DemoFault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay");
            }
        }
    }

    /** Announces the full length of the normal answer, sends only its first half, then closes the connection. */
    record TruncatedBody() implements DemoFault {
    }

    /** Closes the connection without sending anything. */
    record DropConnection() implements DemoFault {
    }

    /** Answers 200 with an HTML page, like a captive portal or a misconfigured proxy. */
    record HtmlPage() implements DemoFault {
    }

    /** Answers 401 with DHIS2's "Unauthorized" WebMessage, like a session that expired in the middle of paging. */
    record Unauthorized() implements DemoFault {
    }

    /** See {@link Status}. */
    static DemoFault status(int status) {
        return new Status(status);
    }

    /** See {@link Delay}. */
    static DemoFault delay(Duration delay) {
        return new Delay(delay);
    }

    /** See {@link TruncatedBody}. */
    static DemoFault truncatedBody() {
        return new TruncatedBody();
    }

    /** See {@link DropConnection}. */
    static DemoFault dropConnection() {
        return new DropConnection();
    }

    /** See {@link HtmlPage}. */
    static DemoFault htmlPage() {
        return new HtmlPage();
    }

    /** See {@link Unauthorized}. */
    static DemoFault unauthorized() {
        return new Unauthorized();
    }
}
