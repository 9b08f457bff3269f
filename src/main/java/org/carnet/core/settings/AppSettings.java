package org.carnet.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * User preferences kept in {@code settings.json}: language, window geometry, the demo server's port. Mutable bean for Jackson; copy
 * before handing it to another thread.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AppSettings {
    private int schemaVersion = 1;
    /** BCP 47 language tag ("en", "fr"); null until chosen, then the OS locale decides. */
    private String language;
    private WindowBounds window;
    private Integer selectedTab;
    /** The port the built-in demo DHIS2 server used last; null until it was first started. */
    private Integer demoServerPort;

    public int getSchemaVersion() {
        return schemaVersion;
    }

    public void setSchemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public WindowBounds getWindow() {
        return window;
    }

    public void setWindow(WindowBounds window) {
        this.window = window;
    }

    public Integer getSelectedTab() {
        return selectedTab;
    }

    public void setSelectedTab(Integer selectedTab) {
        this.selectedTab = selectedTab;
    }

    public Integer getDemoServerPort() {
        return demoServerPort;
    }

    public void setDemoServerPort(Integer demoServerPort) {
        this.demoServerPort = demoServerPort;
    }

    public AppSettings copy() {
        AppSettings c = new AppSettings();
        c.schemaVersion = schemaVersion;
        c.language = language;
        c.window = window;
        c.selectedTab = selectedTab;
        c.demoServerPort = demoServerPort;
        return c;
    }

    /** Window position and size in screen coordinates. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public boolean isUsable() {
            return width >= 400 && height >= 300 && Double.isFinite(x) && Double.isFinite(y);
        }
    }
}
