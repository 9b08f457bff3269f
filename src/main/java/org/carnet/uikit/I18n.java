package org.carnet.uikit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;

/**
 * The user interface's language. Every visible string is a binding on {@link #localeProperty()}, so switching the
 * language relabels the whole window at once, without a restart.
 */
public final class I18n {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** The language to start with: the saved choice, else the operating system's language when supported. */
    public static Locale initial(String savedTag, Locale os) {
        if (savedTag != null && !savedTag.isBlank()) {
            return supported(Locale.forLanguageTag(savedTag));
        }
        return supported(os);
    }

    public static Locale supported(Locale l) {
        if (l == null) {
            return Locale.ENGLISH;
        }
        for (Locale s : SUPPORTED) {
            if (s.getLanguage().equals(l.getLanguage())) {
                return s;
            }
        }
        return Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    /** The text for {@code key} now. A missing key shows as {@code [key]} so it is noticed, never as blank. */
    public String get(String key, Object... args) {
        try {
            // Read the bundle from the property each time (ResourceBundle caches): bindings are re-evaluated while
            // the locale is being set, before any change listener could have swapped a cached bundle.
            String pattern = Messages.bundle(locale.get()).getString(key);
            return new MessageFormat(pattern, locale.get()).format(args);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    /** Is there a text for {@code key} in the bundles? */
    public boolean has(String key) {
        return Messages.bundle(locale.get()).containsKey(key);
    }

    /** A binding that follows the language. Arguments may be observable values; they are re-read on change. */
    public StringBinding text(String key, Object... args) {
        Object[] deps = new Object[args.length + 1];
        deps[0] = locale;
        int n = 1;
        for (Object a : args) {
            if (a instanceof ObservableValue<?> o) {
                deps[n++] = o;
            }
        }
        javafx.beans.Observable[] observables = new javafx.beans.Observable[n];
        for (int i = 0; i < n; i++) {
            observables[i] = (javafx.beans.Observable) deps[i];
        }
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof ObservableValue<?> o ? o.getValue() : args[i];
            }
            return get(key, values);
        }, observables);
    }

    /** The user-facing message of an application exception, in the current language. */
    public String describe(AppException e) {
        return Messages.describe(locale.get(), e);
    }
}
