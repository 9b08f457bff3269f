package org.carnet.core.dhis2;

/** The address typed for the server is not a usable http(s) URL. */
public final class Dhis2InvalidUrlException extends Dhis2Exception {
    public Dhis2InvalidUrlException(String url) {
        super("dhis2.error.invalidUrl", "invalid server URL", null, url);
    }

    @Override
    public String category() {
        return "invalid_url";
    }
}
