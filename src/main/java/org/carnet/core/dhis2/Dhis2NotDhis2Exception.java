package org.carnet.core.dhis2;

/** The address answers, but not as DHIS2 does: HTML or non-JSON on {@code /api/system/info}, or no version in it. */
public final class Dhis2NotDhis2Exception extends Dhis2Exception {
    public Dhis2NotDhis2Exception(String url, String detail) {
        super("dhis2.error.notDhis2", detail, null, url);
    }

    @Override
    public String category() {
        return "not_dhis2";
    }
}
