package org.carnet.core.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to send: status, headers and a body written on demand (streamed for large pages). */
final class Response {
    static final String JSON = "application/json;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";

    /** Writes a body to the connection. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Body body;

    private Response(int status, String contentType, Body body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    static Response json(int status, Body body) {
        return new Response(status, JSON, body);
    }

    static Response html(int status, String page) {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        return new Response(status, HTML, out -> out.write(bytes));
    }

    static Response empty(int status) {
        return new Response(status, null, null);
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Null when the answer has no body (redirects). */
    Body body() {
        return body;
    }
}
