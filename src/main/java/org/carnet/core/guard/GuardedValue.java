package org.carnet.core.guard;

/**
 * An attribute value as the guard released it: {@link Plain} text for a field that is not sensitive, a
 * {@link SensitiveValue} otherwise. Code that exports, prints or sends values takes the {@link Plain} ones and has no
 * way to read the others.
 */
public sealed interface GuardedValue permits GuardedValue.Plain, SensitiveValue {

    SensitiveCategory category();

    boolean isEmpty();

    /** The value of a field guarded as {@code category}: sensitive ones are wrapped at once. */
    static GuardedValue of(String text, SensitiveCategory category) {
        String t = text == null ? "" : text;
        return category != null && category.isSensitive() ? SensitiveValue.of(category, t) : new Plain(t);
    }

    /** The value of a field that is not sensitive. */
    record Plain(String text) implements GuardedValue {
        public Plain {
            text = text == null ? "" : text;
        }

        @Override
        public SensitiveCategory category() {
            return SensitiveCategory.NONE;
        }

        @Override
        public boolean isEmpty() {
            return text.isEmpty();
        }

        /** Not the text: a plain value may still be a name or a phone number. */
        @Override
        public String toString() {
            return "Plain[" + text.length() + " chars]";
        }
    }
}
