package org.carnet.core.dhis2;

/** The server runs a DHIS2 version older than 2.36. */
public final class Dhis2UnsupportedVersionException extends Dhis2Exception {
    private final String version;

    public Dhis2UnsupportedVersionException(String version) {
        super("dhis2.error.unsupportedVersion", "unsupported DHIS2 version " + version, null, version);
        this.version = version;
    }

    public String version() {
        return version;
    }

    @Override
    public String category() {
        return "unsupported_version";
    }
}
