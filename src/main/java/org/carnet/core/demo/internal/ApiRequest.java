package org.carnet.core.demo.internal;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A received request: method, decoded path, query parameters in the order sent, headers. */
final class ApiRequest {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final String baseUrl;
    private final Map<String, List<String>> params;
    private final List<String[]> rawParams;
    private final Headers headers;

    ApiRequest(String method, URI uri, Headers headers, String baseUrl) {
        this.method = method;
        this.path = uri.getPath() == null ? "/" : uri.getPath();
        this.rawQuery = uri.getRawQuery();
        this.baseUrl = baseUrl;
        this.headers = headers;
        Map<String, List<String>> map = new LinkedHashMap<>();
        List<String[]> raw = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                raw.add(new String[] {rawName, rawValue});
                map.computeIfAbsent(decode(rawName), k -> new ArrayList<>()).add(decode(rawValue));
            }
        }
        this.params = Collections.unmodifiableMap(map);
        this.rawParams = List.copyOf(raw);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    Map<String, List<String>> params() {
        return params;
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    /** The first value of a parameter, or null. */
    String param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    Headers headers() {
        return headers;
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * This request's URL with {@code page} set to {@code page}: replaced where it was, else appended (Spring's
     * {@code replaceQueryParam}); other parameters keep their original encoding. Used for 2.42+ tracker pager links.
     */
    String urlWithPage(int page) {
        StringBuilder q = new StringBuilder();
        boolean replaced = false;
        for (String[] p : rawParams) {
            if (decode(p[0]).equals("page")) {
                if (replaced) {
                    continue;
                }
                replaced = true;
                append(q, "page=" + page);
            } else {
                append(q, p[0] + "=" + p[1]);
            }
        }
        if (!replaced) {
            append(q, "page=" + page);
        }
        return baseUrl + path + "?" + q;
    }

    /**
     * The metadata API's pager link: {@code page=N} first (left out for page 1), then the other parameters
     * re-encoded in the order sent.
     */
    String metadataPageUrl(int page) {
        StringBuilder q = new StringBuilder();
        if (page > 1) {
            append(q, "page=" + page);
        }
        params.forEach((name, values) -> {
            if (!name.equals("page")) {
                for (String v : values) {
                    append(q, encode(name) + "=" + encode(v));
                }
            }
        });
        return baseUrl + path + (q.length() == 0 ? "" : "?" + q);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder q, String part) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(part);
    }
}
