package org.carnet.core.render;

/** The two weights of the bundled card fonts. */
public enum Face {
    REGULAR, BOLD
}
