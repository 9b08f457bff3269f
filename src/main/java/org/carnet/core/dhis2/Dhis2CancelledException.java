package org.carnet.core.dhis2;

/** The person cancelled the operation (or the application is closing); nothing half-done was returned. */
public final class Dhis2CancelledException extends Dhis2Exception {
    public Dhis2CancelledException() {
        super("dhis2.error.cancelled", "cancelled", null);
    }

    @Override
    public String category() {
        return "cancelled";
    }
}
