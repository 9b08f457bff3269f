package org.carnet.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * User preferences kept in {@code settings.json}: language and window geometry. Mutable bean for Jackson; copy
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

    public AppSettings copy() {
        AppSettings c = new AppSettings();
        c.schemaVersion = schemaVersion;
        c.language = language;
        c.window = window;
        c.selectedTab = selectedTab;
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
