package org.carnet.core.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;

/**
 * Phone numbers in E.164 ({@code +221771234567}) from the forms registers actually hold: national
 * ({@code 77 123 45 67}, {@code 77.123.45.67}, {@code 77-123-45-67}), international ({@code +221 77 123 45 67},
 * {@code (+221) 77…}, {@code 00221…}), the country code without {@code +} or {@code 00} when it is the default
 * region's ({@code 221771234567}), fullwidth digits, a label before ({@code tel: …}) and an extension or a word after
 * (both dropped). Each country's plan, trunk prefixes included (a Côte d'Ivoire number starts with 0 as part of the
 * number), comes from Google's libphonenumber; nothing here knows a country's lengths or prefixes except the old
 * plans below. When the text is not one number as a whole, the first valid number in it is taken.
 *
 * <p>Old numbering plans are reported, never converted: an 8-digit national number of Côte d'Ivoire (10 digits since
 * 31 January 2021) or Benin (10 digits, prefix 01, since 30 November 2024) that is not valid today reads as
 * {@link Status#OLD_NUMBERING_PLAN}, for a person to ask for the current number. The default region is an ISO 3166
 * alpha-2 code ({@code SN}); an unknown one means no default: only numbers with their country code read. Never an
 * exception; pure and thread-safe.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    /** Country calling code → national significant number length of the plan that country has left. */
    private static final Map<Integer, Integer> OLD_PLAN_LENGTH = Map.of(
            225, 8, // Côte d'Ivoire: 8 → 10 digits on 31 January 2021
            229, 8); // Benin: 8 → 10 digits (prefix 01) on 30 November 2024

    private PhoneNumbers() {
    }

    /** What a phone number text turned out to be. */
    public enum Status {
        /** A valid number of the current plan: {@code e164} is set. */
        VALID,
        /** A number of a plan that has since changed: reported, not guessed, {@code e164} is null. */
        OLD_NUMBERING_PLAN,
        /** Not a valid number for its region. */
        INVALID,
        /** Nothing written (null or blank). */
        EMPTY
    }

    /**
     * A phone number as far as it is known. Personal data: {@link #toString()} prints the status and region only.
     *
     * @param status what the text turned out to be
     * @param e164 the number in E.164 ({@code +221771234567}) when {@link Status#VALID}, else null
     * @param region ISO 3166 alpha-2 region of the number (of its country code, else the default region), or null
     * @param input the text as given
     */
    public record Phone(Status status, String e164, String region, String input) {
        public Phone {
            if (status == null) {
                throw new IllegalArgumentException("status is required");
            }
            if ((status == Status.VALID) != (e164 != null)) {
                throw new IllegalArgumentException("e164 is set exactly when the status is VALID");
            }
        }

        /** True when {@link #e164()} holds a number. */
        public boolean valid() {
            return status == Status.VALID;
        }

        @Override
        public String toString() {
            return "Phone[status=" + status + ", region=" + region + "]";
        }
    }

    /**
     * The phone number in {@code raw}; {@code defaultRegion} (ISO 3166 alpha-2, any case, may be null or unknown)
     * reads the numbers written without their country code.
     */
    public static Phone normalize(String raw, String defaultRegion) {
        String region = region(defaultRegion);
        String reported = UNKNOWN_REGION.equals(region) ? null : region;
        if (raw == null || raw.isBlank()) {
            return new Phone(Status.EMPTY, null, reported, raw);
        }
        PhoneNumber number = parse(trimAfterLastDigit(raw.strip()), region);
        if (number != null) {
            if (UTIL.isValidNumber(number)) {
                return valid(number, raw);
            }
            String numberRegion = regionOf(number.getCountryCode());
            if (oldPlan(number)) {
                return new Phone(Status.OLD_NUMBERING_PLAN, null, numberRegion, raw);
            }
            if (numberRegion != null) {
                reported = numberRegion;
            }
        }
        // "77 123 45 67 / 76 123 45 67", "77 123 45 67 poste 12": the first valid number in the text
        for (PhoneNumberMatch match : UTIL.findNumbers(raw, region, Leniency.VALID, Long.MAX_VALUE)) {
            return valid(match.number(), raw);
        }
        return new Phone(Status.INVALID, null, reported, raw);
    }

    /** The message key of a status: {@code phone.status.valid}, {@code .oldPlan}, {@code .invalid}, {@code .empty}. */
    public static String messageKey(Status status) {
        return switch (status) {
            case VALID -> "phone.status.valid";
            case OLD_NUMBERING_PLAN -> "phone.status.oldPlan";
            case INVALID -> "phone.status.invalid";
            case EMPTY -> "phone.status.empty";
        };
    }

    private static Phone valid(PhoneNumber number, String raw) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        String region = UTIL.getRegionCodeForNumber(number);
        return new Phone(Status.VALID, e164, region != null ? region : regionOf(number.getCountryCode()), raw);
    }

    /** An 8-digit Ivorian or Beninese number that today's 10-digit plan does not know. Called on invalid numbers. */
    private static boolean oldPlan(PhoneNumber number) {
        Integer oldLength = OLD_PLAN_LENGTH.get(number.getCountryCode());
        return oldLength != null && UTIL.getNationalSignificantNumber(number).length() == oldLength;
    }

    private static PhoneNumber parse(String text, String region) {
        try {
            return UTIL.parse(text, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** "07 12 34 56 (maman)" → "07 12 34 56": words after a number would be read as letters on a keypad. */
    private static String trimAfterLastDigit(String s) {
        int end = s.length();
        while (end > 0 && !Character.isDigit(s.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? s : s.substring(0, end);
    }

    /** The supported ISO 3166 alpha-2 region, upper case, or ZZ (libphonenumber's "no default"). */
    private static String region(String defaultRegion) {
        if (defaultRegion == null) {
            return UNKNOWN_REGION;
        }
        String r = defaultRegion.strip().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(r) ? r : UNKNOWN_REGION;
    }

    /** The main region of a country calling code, or null for non-geographic and unknown codes. */
    private static String regionOf(int countryCode) {
        String r = UTIL.getRegionCodeForCountryCode(countryCode);
        return UTIL.getSupportedRegions().contains(r) ? r : null;
    }
}
