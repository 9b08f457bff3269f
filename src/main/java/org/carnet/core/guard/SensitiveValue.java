package org.carnet.core.guard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * The value of an attribute the guard classified as sensitive (an HIV status, a TB register number, an income). It
 * cannot be printed, logged or serialised by accident: {@link #toString()} is a category marker such as
 * {@code <sensitive:HIV_AIDS>}, Jackson refuses to write it, it is not {@link java.io.Serializable}, and creating one
 * registers the value with the log masking layer ({@link Redactor#global()}), so even a value copied out of it by
 * mistake is masked in the log file. The one way to the text is {@link #revealForEncryption()}, which only the
 * registry's storage layer may call (an architecture test keeps it so).
 */
@JsonSerialize(using = SensitiveValue.Refuse.class)
public final class SensitiveValue implements GuardedValue {
    private final SensitiveCategory category;
    private final String value;

    private SensitiveValue(SensitiveCategory category, String value) {
        this.category = category;
        this.value = value;
    }

    /**
     * Wraps {@code value} of a field guarded as {@code category} and registers it with the log masking layer.
     *
     * @throws IllegalArgumentException when {@code category} is not sensitive
     */
    public static SensitiveValue of(SensitiveCategory category, String value) {
        Objects.requireNonNull(value, "value");
        if (category == null || !category.isSensitive()) {
            throw new IllegalArgumentException("not a sensitive category: " + category);
        }
        Redactor.global().registerSensitive(value, category.name());
        return new SensitiveValue(category, value);
    }

    @Override
    public SensitiveCategory category() {
        return category;
    }

    /** The text, for the registry to encrypt it. Nothing else may call this. */
    public String revealForEncryption() {
        return value;
    }

    @Override
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "<sensitive:" + category.name() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveValue s && s.category == category && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, value);
    }

    /** Makes Jackson fail instead of writing the value. */
    static final class Refuse extends JsonSerializer<SensitiveValue> {
        @Override
        public void serialize(SensitiveValue v, JsonGenerator gen, SerializerProvider provider)
                throws JsonMappingException {
            throw JsonMappingException.from(gen, "refusing to serialise a sensitive value (" + v.category + ")");
        }
    }
}
