package org.carnet.core.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Access to the {@code org/carnet/i18n/messages} bundles for code without a toolkit (CLI, core errors).
 * The bundles are stored as UTF-8 properties (Java 9+ reads them as UTF-8).
 */
public final class Messages {
    public static final String BUNDLE = "org.carnet.i18n.messages";

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The message for {@code key} in {@code locale}, formatted with {@code args}; the key itself if missing. */
    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = bundle(locale).getString(key);
            return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The user-facing text of an exception: its message key resolved, else its detail. */
    public static String describe(Locale locale, AppException e) {
        String text = get(locale, e.messageKey(), e.args());
        return text.equals(e.messageKey()) && e.getMessage() != null ? e.getMessage() : text;
    }
}
