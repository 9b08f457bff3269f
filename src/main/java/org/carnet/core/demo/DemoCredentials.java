package org.carnet.core.demo;

/** What a request presented to authenticate, as recorded in {@link DemoRequest#credentials()}. */
public enum DemoCredentials {
    /** No Authorization header and no session cookie. */
    NONE,
    /** {@code Authorization: Basic …}. */
    BASIC,
    /** {@code Authorization: ApiToken …} (personal access token). */
    API_TOKEN,
    /** A {@code JSESSIONID} cookie without an Authorization header. */
    SESSION,
    /** Another Authorization scheme (e.g. Bearer), which the demo server does not accept. */
    OTHER;

    /** True when the request carried any credentials. */
    public boolean present() {
        return this != NONE;
    }
}
