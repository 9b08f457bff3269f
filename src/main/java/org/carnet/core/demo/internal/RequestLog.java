package org.carnet.core.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.carnet.core.demo.DemoRequest;
import org.carnet.core.demo.DemoRequests;

/** Thread-safe record of received requests; credentials in headers are redacted. */
final class RequestLog implements DemoRequests {
    private final List<DemoRequest> entries = new ArrayList<>();

    void record(ApiRequest req, int status) {
        Map<String, List<String>> headers = new TreeMap<>();
        req.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            boolean secret = key.equals("authorization") || key.equals("cookie");
            headers.put(key, secret ? List.of("<redacted>") : values);
        });
        DemoRequest entry = new DemoRequest(req.method(), req.path(), req.params(), Authenticator.credentialsOf(req),
                headers, status);
        synchronized (entries) {
            entries.add(entry);
        }
    }

    @Override
    public List<DemoRequest> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public List<DemoRequest> matching(String pathPrefix) {
        return all().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public boolean anyWrite() {
        return all().stream().anyMatch(r -> !r.method().equals("GET") && !r.method().equals("HEAD"));
    }

    @Override
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
