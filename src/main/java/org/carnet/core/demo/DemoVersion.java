package org.carnet.core.demo;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DHIS2 release the demo server simulates: {@code 2.<minor>[.<patch>[.<hotfix>]]} with a minor version from
 * {@value #OLDEST_MINOR} to {@value #NEWEST_MINOR}. A two-part version such as {@code 2.41} stands for a
 * representative patch release of that line (see {@link #representative(int)}), because several behaviours
 * (paging fields, date-filter precision) change between patch releases.
 */
public final class DemoVersion implements Comparable<DemoVersion> {
    /** Oldest simulated minor version. */
    public static final int OLDEST_MINOR = 36;
    /** Newest simulated minor version. */
    public static final int NEWEST_MINOR = 43;

    private static final Pattern FORMAT = Pattern.compile("2\\.(\\d{2})(?:\\.(\\d{1,3})(?:\\.(\\d{1,3}))?)?");
    private static final Map<Integer, String> REPRESENTATIVE = Map.of(
            36, "2.36.13", 37, "2.37.9", 38, "2.38.7", 39, "2.39.5",
            40, "2.40.4", 41, "2.41.3", 42, "2.42.1", 43, "2.43.1");

    private final int minor;
    private final int patch;
    private final int hotfix;
    private final String text;

    private DemoVersion(int minor, int patch, int hotfix, String text) {
        this.minor = minor;
        this.patch = patch;
        this.hotfix = hotfix;
        this.text = text;
    }

    /**
     * Parses {@code 2.NN}, {@code 2.NN.P} or {@code 2.NN.P.H}.
     *
     * @throws IllegalArgumentException when the text is not such a version or the minor version is outside
     *                                  {@value #OLDEST_MINOR}…{@value #NEWEST_MINOR}
     */
    public static DemoVersion parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DHIS2 version (expected 2.NN[.P[.H]]): " + t);
        }
        int minor = Integer.parseInt(m.group(1));
        if (minor < OLDEST_MINOR || minor > NEWEST_MINOR) {
            throw new IllegalArgumentException("DHIS2 " + t + " is not simulated (2." + OLDEST_MINOR + " to 2."
                    + NEWEST_MINOR + ")");
        }
        if (m.group(2) == null) {
            return representative(minor);
        }
        int hotfix = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new DemoVersion(minor, Integer.parseInt(m.group(2)), hotfix, t);
    }

    /** The patch release that stands for {@code 2.<minor>}: 2.36.13, 2.37.9, 2.38.7, 2.39.5, 2.40.4, 2.41.3, 2.42.1, 2.43.1. */
    public static DemoVersion representative(int minor) {
        String text = REPRESENTATIVE.get(minor);
        if (text == null) {
            throw new IllegalArgumentException("DHIS2 2." + minor + " is not simulated");
        }
        return parse(text);
    }

    /** The minor version, 36 to 43. */
    public int minor() {
        return minor;
    }

    /** The patch number (0 when absent). */
    public int patch() {
        return patch;
    }

    /** The hotfix number, the fourth part (0 when absent). */
    public int hotfix() {
        return hotfix;
    }

    /** True when this version is {@code 2.<minor>.<patch>} or later. */
    public boolean isAtLeast(int minor, int patch) {
        return this.minor != minor ? this.minor > minor : this.patch >= patch;
    }

    @Override
    public int compareTo(DemoVersion o) {
        int c = Integer.compare(minor, o.minor);
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c != 0 ? c : Integer.compare(hotfix, o.hotfix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoVersion v && v.minor == minor && v.patch == patch && v.hotfix == hotfix;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minor, patch, hotfix);
    }

    /** The version as DHIS2 prints it in {@code system/info}, e.g. {@code 2.40.4.1}. */
    @Override
    public String toString() {
        return text;
    }
}
