package org.carnet.core.render;

/** What fills a shape: a plain {@link Rgb} colour or a {@link LinearGradient}. */
public sealed interface Fill permits Rgb, Fill.LinearGradient {

    /** A two-colour linear gradient from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}), in millimetres. */
    record LinearGradient(double x1, double y1, Rgb from, double x2, double y2, Rgb to) implements Fill {
    }
}
