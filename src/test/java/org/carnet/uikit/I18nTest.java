package org.carnet.uikit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** Language choice and live bindings, without a toolkit. */
class I18nTest {
    @Test
    void firstRunFollowsTheOperatingSystemThenTheSavedChoice() {
        assertEquals(Locale.FRENCH, I18n.initial(null, Locale.CANADA_FRENCH));
        assertEquals(Locale.FRENCH, I18n.initial(null, new Locale("fr", "SN")));
        assertEquals(Locale.ENGLISH, I18n.initial(null, new Locale("wo", "SN")));
        assertEquals(Locale.ENGLISH, I18n.initial("en", Locale.FRANCE));
        assertEquals(Locale.FRENCH, I18n.initial("fr", Locale.US));
    }

    @Test
    void bindingsFollowTheLanguageAndObservableArguments() {
        I18n i18n = new I18n(Locale.ENGLISH);
        SimpleStringProperty home = new SimpleStringProperty("/a");
        StringBinding b = i18n.text("status.home", home);
        assertEquals("Home: /a", b.get());
        home.set("/b");
        assertEquals("Home: /b", b.get());
        i18n.setLocale(Locale.FRENCH);
        assertEquals("Dossier\u00a0: /b", b.get());
        assertEquals("[no.such.key]", i18n.get("no.such.key"));
    }
}
