package org.carnet.core.demo.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.carnet.core.demo.DemoFault;
import org.carnet.core.demo.DemoFaults;

/** The planned faults, consumed by matching requests in order. */
final class FaultPlan implements DemoFaults {
    private static final class Rule {
        final String prefix;
        final DemoFault fault;
        int skip;
        int remaining;

        Rule(String prefix, DemoFault fault, int skip, int remaining) {
            this.prefix = prefix;
            this.fault = fault;
            this.skip = skip;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Runnable sessionExpiry;

    FaultPlan(Runnable sessionExpiry) {
        this.sessionExpiry = sessionExpiry;
    }

    @Override
    public synchronized void inject(String pathPrefix, int skip, DemoFault fault, int times) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(fault, "fault");
        if (skip < 0 || times < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and times >= 1");
        }
        rules.add(new Rule(pathPrefix, fault, skip, times));
    }

    /** The fault for this request, if a rule takes it; consumes one use of that rule. */
    synchronized DemoFault take(String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule r = it.next();
            if (!path.startsWith(r.prefix)) {
                continue;
            }
            if (r.skip > 0) {
                r.skip--;
                return null;
            }
            if (--r.remaining == 0) {
                it.remove();
            }
            return r.fault;
        }
        return null;
    }

    @Override
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    @Override
    public synchronized void clear() {
        rules.clear();
    }

    @Override
    public void expireSessions() {
        sessionExpiry.run();
    }
}
