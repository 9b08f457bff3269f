package org.carnet.core.dhis2.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered list of query parameters for one DHIS2 request (values are identifiers, dates and field lists). */
final class Query {
    record Param(String name, String value) {
    }

    private final List<Param> params = new ArrayList<>();

    static Query of() {
        return new Query();
    }

    Query add(String name, Object value) {
        if (value != null) {
            params.add(new Param(name, String.valueOf(value)));
        }
        return this;
    }

    List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    boolean has(String name) {
        return params.stream().anyMatch(p -> p.name().equals(name));
    }
}
