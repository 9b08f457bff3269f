package org.carnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English and French are complete: same keys, nothing empty, same placeholders, MessageFormat-safe text. */
class I18nBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleTest.class.getResourceAsStream("/org/carnet/i18n/" + name)) {
            assertTrue(in != null, name + " missing");
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameNonEmptyKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        Set<String> missingInFr = new TreeSet<>(en.stringPropertyNames());
        missingInFr.removeAll(fr.stringPropertyNames());
        Set<String> missingInEn = new TreeSet<>(fr.stringPropertyNames());
        missingInEn.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missingInFr, "keys missing in French");
        assertEquals(Set.of(), missingInEn, "keys missing in English");
        List<String> empty = new ArrayList<>();
        for (Properties p : List.of(en, fr)) {
            p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).forEach(empty::add);
        }
        assertEquals(List.of(), empty, "empty values");
    }

    @Test
    void placeholdersMatchAndTextIsMessageFormatSafe() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(fr.getProperty(key)), "placeholders of " + key);
            for (Properties p : List.of(en, fr)) {
                String v = p.getProperty(key);
                assertFalse(v.contains("'"), key + " uses an ASCII apostrophe; use ’ (MessageFormat eats ')");
                assertFalse(v.contains("TODO"), key + " is unfinished");
            }
        }
    }

    @Test
    void frenchIsActuallyTranslated() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        long same = en.stringPropertyNames().stream()
                .filter(k -> en.getProperty(k).equals(fr.getProperty(k)) && en.getProperty(k).length() > 12).count();
        assertTrue(same < 8, same + " long strings are identical in English and French");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
