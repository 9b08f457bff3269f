package org.carnet.core.render;

/**
 * The colours of one card: primary (the dominant background or band), secondary (the second surface), accent
 * (highlights). Text colours are derived by contrast, so any colour a user picks stays readable.
 */
public record Palette(Rgb primary, Rgb secondary, Rgb accent) {

    /** The palette of {@code design}, each colour it leaves empty taken from the template's defaults. */
    public static Palette of(CardDesign design, Palette defaults) {
        return new Palette(design.primary() != null ? design.primary() : defaults.primary(),
                design.secondary() != null ? design.secondary() : defaults.secondary(),
                design.accent() != null ? design.accent() : defaults.accent());
    }

    public static Palette of(String primary, String secondary, String accent) {
        return new Palette(Rgb.of(primary), Rgb.of(secondary), Rgb.of(accent));
    }

    /** Text on the primary colour. */
    public Rgb onPrimary() {
        return primary.textOn();
    }

    /** Text on the secondary colour. */
    public Rgb onSecondary() {
        return secondary.textOn();
    }

    /** The accent if it reads on {@code background} (contrast ≥ 3:1, large text), else the plain text colour. */
    public Rgb accentOn(Rgb background) {
        return background.readable(accent, 3.0);
    }

    /** A muted text colour on {@code background}: the text colour moved 35 % towards the background. */
    public static Rgb muted(Rgb background) {
        Rgb t = background.textOn();
        Rgb m = t.mix(background, 0.35);
        return background.contrast(m) >= 4.5 ? m : t;
    }
}
