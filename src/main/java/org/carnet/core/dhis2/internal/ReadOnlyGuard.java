package org.carnet.core.dhis2.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The one place that keeps Carnet read-only towards DHIS2: installed as both application and network interceptor on
 * every HTTP client this package builds, it refuses any request whose method is not GET or HEAD before a byte leaves.
 */
public final class ReadOnlyGuard implements Interceptor {
    /** Thrown for a non-GET request: a programming error, never a server condition. */
    public static final class ReadOnlyViolationException extends IOException {
        ReadOnlyViolationException(String method) {
            super("Carnet is read-only towards DHIS2: refused a " + method + " request");
        }
    }

    public static boolean allowed(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        if (!allowed(method)) {
            throw new ReadOnlyViolationException(method);
        }
        return chain.proceed(chain.request());
    }
}
