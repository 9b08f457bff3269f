package org.carnet.core.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the demo server received, recorded before the answer was sent.
 *
 * @param method      HTTP method as sent
 * @param path        decoded path, e.g. {@code /api/tracker/trackedEntities}
 * @param query       decoded query parameters in the order sent (a name sent twice keeps both values)
 * @param credentials what the request presented to authenticate
 * @param headers     request headers, names in lower case; {@code authorization} and {@code cookie} values are
 *                    replaced by {@code <redacted>}
 * @param status      the status answered; {@code 0} when the connection was dropped without an answer
 */
public record DemoRequest(String method, String path, Map<String, List<String>> query, DemoCredentials credentials,
                          Map<String, List<String>> headers, int status) {
    public DemoRequest {
        query = frozen(query);
        headers = frozen(headers);
    }

    private static Map<String, List<String>> frozen(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header (name in any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
