package org.carnet.core.dhis2;

/** One attribute value of a tracked entity. {@link #toString()} never shows the value (it is personal data). */
public record AttributeValue(String attribute, String code, String displayName, String valueType, String value) {
    @Override
    public String toString() {
        return "AttributeValue[" + attribute + "=***]";
    }
}
