package org.carnet.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence against personal data in logs and error messages: masks e-mail addresses, phone numbers,
 * credentials, the user's home folder, and every value registered through {@link #registerSensitive}. The
 * sensitive-data guard and the sync pipeline register names, dates of birth and sensitive attribute values here as
 * they meet them, so a value that slips into a log line by mistake still never reaches the file.
 *
 * <p>Thread-safe. Registered values are matched case-insensitively on word boundaries; lookup cost is one hash probe
 * per word of the line, whatever the number of registered values.
 */
public final class Redactor {
    /** Values shorter than this are not registered: they would mask ordinary words. */
    public static final int MIN_VALUE_LENGTH = 3;
    /** Upper bound on registered values, so a huge sync cannot exhaust memory through the log masker. */
    public static final int MAX_VALUES = 500_000;

    private static final Redactor GLOBAL = new Redactor(System.getProperty("user.home"));

    private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{4,}\\.[\\w-]{4,}\\.[\\w-]*");
    private static final Pattern DHIS2_PAT = Pattern.compile("d2p_[A-Za-z0-9]{8,}|d2pat_[A-Za-z0-9]{8,}");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)(authorization\\s*[:=]\\s*)(?:(?:basic|bearer|apitoken)\\s+)?[^\\s,;\"']+");
    private static final Pattern KEY_VALUE_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|passphrase|pwd|token|secret|api[_-]?key|access[_-]?token|client[_-]?secret)"
                    + "(\"?\\s*[:=]\\s*\"?)[^\\s\"'&,;]+");
    /** International form: + country code and 7 to 14 more digits, optionally separated. */
    private static final Pattern PHONE_INTL = Pattern.compile("\\+\\d{1,3}(?:[\\s.\\-]?\\(?\\d\\)?){7,14}");
    /** Local grouped forms used in West Africa: 77 123 45 67, 77-123-45-67, 07 12 34 56 78. */
    private static final Pattern PHONE_GROUPED = Pattern.compile(
            "(?<![\\w.:/-])(?:\\d{2}[\\s.\\-]\\d{3}[\\s.\\-]\\d{2}[\\s.\\-]\\d{2}|\\d{2}(?:[\\s.\\-]\\d{2}){4})(?![\\w.:/-])");
    /** Plain runs of 8 to 12 digits (771234567, 00221771234567 is caught by the same run rule up to 14). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{" + MIN_VALUE_LENGTH + ",}");
    private static final Pattern PHONE_PLAIN = Pattern.compile("(?<![\\w.:/-])\\d{8,14}(?![\\w.:/-])");

    private final String home;
    /** Per first word (lower case): the registered entries {@code CATEGORY\0value} starting with it. */
    private final Map<String, java.util.Set<String>> byFirstWord = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    public Redactor(String homeDirectory) {
        this.home = homeDirectory == null || homeDirectory.length() < 2 ? null : homeDirectory;
    }

    /** The process-wide redactor used by the logging layer. */
    public static Redactor global() {
        return GLOBAL;
    }

    /**
     * Registers a value that must never appear in a log line (a name, a date of birth, a sensitive attribute value).
     * It is then replaced by {@code <redacted:CATEGORY>}.
     *
     * @param value    the value; ignored when blank or shorter than {@link #MIN_VALUE_LENGTH}
     * @param category short category marker, such as {@code NAME}, {@code DOB}, {@code HIV}
     */
    public void registerSensitive(String value, String category) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() < MIN_VALUE_LENGTH || size.get() >= MAX_VALUES) {
            return;
        }
        String first = firstWord(v);
        if (first.isEmpty()) {
            return;
        }
        String entry = Objects.requireNonNullElse(category, "PII") + '\u0000' + v;
        if (byFirstWord.computeIfAbsent(first, k -> ConcurrentHashMap.newKeySet()).add(entry)) {
            size.incrementAndGet();
        }
    }

    /** Forgets every registered value (used when the registry is locked). */
    public void clearSensitive() {
        byFirstWord.clear();
        size.set(0);
    }

    public int registeredCount() {
        return size.get();
    }

    /** Returns {@code text} with every personal or secret value masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskRegistered(text);
        out = AUTH_HEADER.matcher(out).replaceAll("$1<secret>");
        out = KEY_VALUE_SECRET.matcher(out).replaceAll("$1$2<secret>");
        out = JWT.matcher(out).replaceAll("<token>");
        out = DHIS2_PAT.matcher(out).replaceAll("<token>");
        out = EMAIL.matcher(out).replaceAll("<email>");
        out = PHONE_INTL.matcher(out).replaceAll("<phone>");
        out = PHONE_GROUPED.matcher(out).replaceAll("<phone>");
        out = PHONE_PLAIN.matcher(out).replaceAll("<phone>");
        if (home != null) {
            out = out.replace(home, "~");
        }
        return out;
    }

    private String maskRegistered(String text) {
        if (byFirstWord.isEmpty()) {
            return text;
        }
        StringBuilder sb = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                continue;
            }
            java.util.Set<String> candidates = byFirstWord.get(text.substring(start, i).toLowerCase(Locale.ROOT));
            if (candidates == null) {
                continue;
            }
            String best = null;
            String bestCategory = null;
            for (String entry : candidates) {
                int sep = entry.indexOf('\u0000');
                String value = entry.substring(sep + 1);
                int end = start + value.length();
                if (end <= n && text.regionMatches(true, start, value, 0, value.length())
                        && (end == n || !Character.isLetterOrDigit(text.charAt(end)))
                        && (best == null || value.length() > best.length())) {
                    best = value;
                    bestCategory = entry.substring(0, sep);
                }
            }
            if (best != null) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16);
                }
                sb.append(text, copied, start).append("<redacted:").append(bestCategory).append('>');
                copied = start + best.length();
                i = copied;
            }
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, n).toString();
    }

    private static String firstWord(String v) {
        int i = 0;
        while (i < v.length() && !Character.isLetterOrDigit(v.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < v.length() && Character.isLetterOrDigit(v.charAt(i))) {
            i++;
        }
        return start > 0 ? "" : v.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Splits a value registered as one string into its words as well, for names printed in another order. */
    public void registerSensitiveWords(String value, String category) {
        if (value == null) {
            return;
        }
        registerSensitive(value, category);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(value);
        while (m.find()) {
            words.add(m.group());
        }
        if (words.size() > 1) {
            words.forEach(w -> registerSensitive(w, category));
        }
    }
}
