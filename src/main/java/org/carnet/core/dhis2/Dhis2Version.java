package org.carnet.core.dhis2;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DHIS2 server version as reported by {@code /api/system/info} ({@code "2.40.4.1"}, {@code "2.41.0-SNAPSHOT"}).
 * Behaviour is chosen on the {@code 2.NN} prefix; the patch numbers matter only for known quirks.
 */
public record Dhis2Version(int major, int minor, int patch, int hotfix, String raw) implements Comparable<Dhis2Version> {
    /** Oldest supported minor version (2.36). */
    public static final int MIN_MINOR = 36;
    /** Newest minor version this release was checked against (2.43). */
    public static final int MAX_TESTED_MINOR = 43;

    private static final Pattern FORMAT = Pattern.compile("^\\s*(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-.+].*)?\\s*$");

    public Dhis2Version {
        Objects.requireNonNull(raw, "raw");
    }

    /** Parses a version string; empty when it does not look like {@code 2.NN[.patch[.hotfix]][-suffix]}. */
    public static java.util.Optional<Dhis2Version> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Dhis2Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), text.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** 2.36 or later (newer versions than 2.43 are accepted and treated as 2.43). */
    public boolean supported() {
        return major > 2 || (major == 2 && minor >= MIN_MINOR);
    }

    /** Newer than the newest version Carnet was checked against. */
    public boolean newerThanTested() {
        return major > 2 || (major == 2 && minor > MAX_TESTED_MINOR);
    }

    /** The download strategy for this version ({@code ../docs/dhis2-api.md} §7.1). */
    public ApiStrategy strategy() {
        if (major > 2) {
            return ApiStrategy.NEW_PAGER;
        }
        if (minor <= 39) {
            return ApiStrategy.OLD_TRACKED_ENTITY_INSTANCES;
        }
        if (minor == 40) {
            return ApiStrategy.NEW_INSTANCES;
        }
        if (minor == 41) {
            return ApiStrategy.NEW_PAGER_AND_FLAT;
        }
        return ApiStrategy.NEW_PAGER;
    }

    /** "2.41" */
    public String minorLabel() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(Dhis2Version o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(patch, o.patch);
        return c != 0 ? c : Integer.compare(hotfix, o.hotfix);
    }

    @Override
    public String toString() {
        return raw;
    }
}
