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
