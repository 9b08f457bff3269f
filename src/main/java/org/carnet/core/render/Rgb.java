package org.carnet.core.render;

import java.util.Locale;
import java.util.regex.Pattern;
import org.carnet.core.common.AppException;

/** An opaque sRGB colour. {@link #parse(String)} reads the {@code #RRGGBB} form designs use. */
public record Rgb(int r, int g, int b) implements Fill {
    public static final Rgb WHITE = new Rgb(255, 255, 255);
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    /** Message key of the error raised by {@link #parse(String)}. */
    public static final String INVALID_KEY = "render.error.colour";
    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    /** The dark text colour used on light backgrounds: near-black, readable and printable. */
    private static final Rgb INK = new Rgb(0x11, 0x18, 0x27);

    public Rgb {
        if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
            throw new IllegalArgumentException("colour component outside 0-255");
        }
    }

    /**
     * Reads {@code #RRGGBB} (or {@code #RGB}, the {@code #} optional, any case).
     *
     * @throws AppException with key {@value #INVALID_KEY} naming the field, for anything else
     */
    public static Rgb parse(String hex, String field) throws AppException {
        String s = hex == null ? "" : hex.strip();
        if (!HEX.matcher(s).matches()) {
            throw new AppException(INVALID_KEY, "invalid colour for " + field + ": expected #RRGGBB", field);
        }
        if (s.startsWith("#")) {
            s = s.substring(1);
        }
        if (s.length() == 3) {
            s = "" + s.charAt(0) + s.charAt(0) + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2);
        }
        int v = Integer.parseInt(s, 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    /** Parses a colour known to be valid (template palettes). */
    public static Rgb of(String hex) {
        try {
            return parse(hex, "palette");
        } catch (AppException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code #RRGGBB}, upper case. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
    }

    public int argb() {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** This colour moved towards {@code other} by {@code t} (0 = this, 1 = other). */
    public Rgb mix(Rgb other, double t) {
        return new Rgb(lerp(r, other.r, t), lerp(g, other.g, t), lerp(b, other.b, t));
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    /** WCAG 2 contrast ratio between two colours, 1 to 21. */
    public double contrast(Rgb other) {
        double a = luminance();
        double b2 = other.luminance();
        return (Math.max(a, b2) + 0.05) / (Math.min(a, b2) + 0.05);
    }

    /** The text colour to print on this background: white, or near-black (pure black where needed), at least 4.5:1. */
    public Rgb textOn() {
        // max(contrast with white, contrast with black) is always at least 4.58: one of them reaches WCAG AA.
        if (contrast(WHITE) >= contrast(BLACK)) {
            return WHITE;
        }
        return contrast(INK) >= 4.5 ? INK : BLACK;
    }

    /** {@code preferred} if it contrasts at least {@code minRatio} with this background, else {@link #textOn()}. */
    public Rgb readable(Rgb preferred, double minRatio) {
        return contrast(preferred) >= minRatio ? preferred : textOn();
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * Math.max(0, Math.min(1, t)));
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString() {
        return hex();
    }
}
