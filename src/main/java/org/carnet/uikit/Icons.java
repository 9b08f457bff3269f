package org.carnet.uikit;

import javafx.scene.shape.SVGPath;

/** Line icons drawn on a 24 × 24 grid, stroked with the current colour token (style class {@code icon}). */
public final class Icons {
    public static final String SERVER = "M3 3h18v7H3z M3 14h18v7H3z M7 6.5h1 M7 17.5h1 M12 6.5h5 M12 17.5h5";
    public static final String MAPPING = "M4 7h14 M14 3l4 4-4 4 M20 17H6 M10 13l-4 4 4 4";
    public static final String SYNC = "M20 11a8 8 0 0 0-14.6-4.4 M4 3v4h4 M4 13a8 8 0 0 0 14.6 4.4 M20 21v-4h-4";
    public static final String CARD = "M2 5h20v14H2z M6.5 11.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M5.5 16.5c1-2 5-2 6 0 M14 9.5h5 M14 13h5 M14 16h3";
    public static final String REVIEW = "M8 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7 M2 20v-1.5a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4V20 "
            + "M16 4.2a3.5 3.5 0 0 1 0 6.6 M22 20v-1.5a4 4 0 0 0-3-3.9";
    public static final String SEND = "M22 2L11 13 M22 2l-7 20-4-9-9-4z";
    public static final String LOCK = "M5 11h14v10H5z M8 11V7a4 4 0 0 1 8 0v4 M12 15v2.5";
    public static final String KEY = "M7.5 16.5a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7 M11 13h10 M18 13v3 M21 13v2";
    public static final String SHIELD = "M12 2.5l8 3v6c0 4.8-3.3 8.6-8 10.5c-4.7-1.9-8-5.7-8-10.5v-6z M8.8 12.2l2.2 2.2 4.2-4.4";
    public static final String WARNING = "M12 3L2 20h20z M12 10v4.5 M12 17.3v0.2";

    private Icons() {
    }

    public static SVGPath of(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }

    public static String forTab(TabId tab) {
        return switch (tab) {
            case CONNECTION -> SERVER;
            case MAPPING -> MAPPING;
            case SYNC -> SYNC;
            case DESIGN -> CARD;
            case REVIEW -> REVIEW;
            case DISTRIBUTION -> SEND;
        };
    }
}
