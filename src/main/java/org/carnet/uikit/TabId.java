package org.carnet.uikit;

/** The six tabs, in window order; {@code key} prefixes their resource-bundle keys. */
public enum TabId {
    CONNECTION("connection"),
    MAPPING("mapping"),
    SYNC("sync"),
    DESIGN("design"),
    REVIEW("review"),
    DISTRIBUTION("distribution");

    private final String key;

    TabId(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
