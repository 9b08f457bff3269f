package org.carnet.core.demo;

import java.util.List;

/** The thread-safe log of every request the demo server received, oldest first. */
public interface DemoRequests {
    /** A snapshot of all recorded requests. */
    List<DemoRequest> all();

    /** The recorded requests whose path starts with {@code pathPrefix}. */
    List<DemoRequest> matching(String pathPrefix);

    /** True when a request with another method than GET or HEAD arrived. */
    boolean anyWrite();

    /** Forgets the recorded requests. */
    void clear();
}
