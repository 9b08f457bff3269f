package org.carnet.core.render;

import java.util.Locale;

/** The two sides of a card. */
public enum Side {
    FRONT, BACK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
