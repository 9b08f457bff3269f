package org.carnet.core.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words printed on a card, in the design's language (French or English), and its date format. */
public final class CardLabels {
    private static final String BUNDLE = "org.carnet.core.render.card-labels";
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    public CardLabels(String language) {
        Locale locale = "en".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = "en".equals(language) ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Whether a label exists for the key (standard card fields have one; custom attributes bring their own). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String date(LocalDate d) {
        return d == null ? "—" : dates.format(d);
    }
}
