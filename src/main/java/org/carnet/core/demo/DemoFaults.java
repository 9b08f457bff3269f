package org.carnet.core.demo;

/**
 * Programmable fault injection. Rules are checked in the order they were added; a request takes the first rule
 * whose path prefix matches it and that still has uses left. A rule can first let some matching requests through
 * ({@code skip}), e.g. to answer 401 on the third page of a download. Thread-safe.
 */
public interface DemoFaults {
    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code fault}. */
    default void inject(String pathPrefix, DemoFault fault, int times) {
        inject(pathPrefix, 0, fault, times);
    }

    /**
     * After letting {@code skip} matching requests through untouched, the next {@code times} requests whose path
     * starts with {@code pathPrefix} get {@code fault}.
     */
    void inject(String pathPrefix, int skip, DemoFault fault, int times);

    /** How many faulty answers are still planned. */
    int pending();

    /** Removes every planned fault. */
    void clear();

    /** Forgets every session, so the next request with a {@code JSESSIONID} cookie counts as unauthenticated. */
    void expireSessions();
}
