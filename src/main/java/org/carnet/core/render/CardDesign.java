package org.carnet.core.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.carnet.core.common.AppException;

/**
 * How cards look: the template, colours (null = the template's palette), up to three logos, the attributes printed,
 * title and subtitle, QR options, the language of the printed labels, and the sovereign pass's own settings. Immutable;
 * colours and logos are validated when they are read ({@link Rgb#parse}, {@link Logo#read}), the rest by
 * {@link #validate()}. Saved and exchanged as versioned JSON by {@link DesignJson}.
 */
public record CardDesign(String template, String language, Rgb primary, Rgb secondary, Rgb accent, List<Logo> logos,
        List<String> attributes, String title, String subtitle, TitleSize titleSize, QrOptions qr, boolean showMpiId,
        Sovereign sovereign) {

    public static final int MAX_LOGOS = 3;
    public static final int MAX_ATTRIBUTES = 6;
    public static final int MAX_TEXT = 80;
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    /** Title sizes, as a factor of the template's title size. */
    public enum TitleSize {
        SMALL(0.85), MEDIUM(1.0), LARGE(1.2);

        private final double factor;

        TitleSize(double factor) {
            this.factor = factor;
        }

        public double factor() {
            return factor;
        }
    }

    /** Where the QR sits on the front. */
    public enum QrPosition { BOTTOM_RIGHT, BOTTOM_LEFT, CENTER }

    /** QR size: the side (quiet zone included) the template may give it. */
    public enum QrSize {
        COMPACT(16), STANDARD(20), LARGE(24);

        private final double maxMm;

        QrSize(double maxMm) {
            this.maxMm = maxMm;
        }

        public double maxMm() {
            return maxMm;
        }
    }

    /** QR on/off, position and size. */
    public record QrOptions(boolean enabled, QrPosition position, QrSize size) {
        public static final QrOptions DEFAULT = new QrOptions(true, QrPosition.BOTTOM_RIGHT, QrSize.STANDARD);

        public QrOptions {
            position = position == null ? QrPosition.BOTTOM_RIGHT : position;
            size = size == null ? QrSize.STANDARD : size;
        }
    }

    /** The sovereign pass's configuration (accent_hex, bg_hex, bg_deep_hex, font_scale, max_attrs). */
    public record Sovereign(Rgb accent, Rgb background, Rgb deepBackground, double fontScale, int maxAttributes) {
        public static final Sovereign DEFAULT = new Sovereign(Rgb.of("#D4AF37"), Rgb.of("#0D1B2A"),
                Rgb.of("#060E1A"), 1.0, 4);
        public static final double MIN_SCALE = 0.8;
        public static final double MAX_SCALE = 1.2;

        public Sovereign {
            accent = accent == null ? Rgb.of("#D4AF37") : accent;
            background = background == null ? Rgb.of("#0D1B2A") : background;
            deepBackground = deepBackground == null ? Rgb.of("#060E1A") : deepBackground;
        }
    }

    public CardDesign {
        template = template == null ? "vital" : template.strip().toLowerCase(Locale.ROOT);
        language = language == null ? "fr" : language.strip().toLowerCase(Locale.ROOT);
        logos = logos == null ? List.of() : List.copyOf(logos);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        title = blankToNull(title);
        subtitle = blankToNull(subtitle);
        titleSize = titleSize == null ? TitleSize.MEDIUM : titleSize;
        qr = qr == null ? QrOptions.DEFAULT : qr;
        sovereign = sovereign == null ? Sovereign.DEFAULT : sovereign;
    }

    /** The default design of a template: its palette, French labels, QR on, MPI id shown, no logo. */
    public static CardDesign defaults(String template) {
        return new CardDesign(template, "fr", null, null, null, List.of(),
                List.of("beneficiary_id", "zone", "health_center", "target_group"), null, null, TitleSize.MEDIUM,
                QrOptions.DEFAULT, true, Sovereign.DEFAULT);
    }

    /**
     * Checks what the record's types cannot: a known template and language, at most three logos and six attributes,
     * attribute keys of the card-field form, text lengths, the sovereign font scale and attribute count.
     *
     * @throws AppException {@code render.error.design.*} naming what is wrong
     */
    public CardDesign validate() throws AppException {
        if (!Templates.exists(template)) {
            throw new AppException("render.error.design.template", "unknown template", template,
                    String.join(", ", Templates.ids()));
        }
        if (!LANGUAGES.contains(language)) {
            throw new AppException("render.error.design.language", "unknown card language", language);
        }
        if (logos.size() > MAX_LOGOS) {
            throw new AppException("render.error.design.logos", "more than 3 logos", MAX_LOGOS);
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new AppException("render.error.design.attributes", "too many attributes", MAX_ATTRIBUTES);
        }
        for (String a : attributes) {
            if (a == null || !a.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new AppException("render.error.design.attributeKey", "malformed attribute key");
            }
        }
        if (title != null && title.length() > MAX_TEXT || subtitle != null && subtitle.length() > MAX_TEXT) {
            throw new AppException("render.error.design.text", "title or subtitle too long", MAX_TEXT);
        }
        if (!(sovereign.fontScale() >= Sovereign.MIN_SCALE && sovereign.fontScale() <= Sovereign.MAX_SCALE)) {
            throw new AppException("render.error.design.fontScale", "font scale out of range", Sovereign.MIN_SCALE,
                    Sovereign.MAX_SCALE);
        }
        if (sovereign.maxAttributes() < 0 || sovereign.maxAttributes() > 4) {
            throw new AppException("render.error.design.maxAttrs", "max_attrs must be 0-4");
        }
        return this;
    }

    /**
     * Refuses a design that prints an attribute the sensitive-data guard classified sensitive (with the admin's
     * overrides applied: an attribute the guard allows is not sensitive).
     *
     * @param sensitive whether the attribute with this key is sensitive for the programme
     * @throws AppException {@code render.error.sensitive} naming the attribute key
     */
    public void checkSensitive(Predicate<String> sensitive) throws AppException {
        for (String a : attributes) {
            if (sensitive.test(a)) {
                throw new AppException("render.error.sensitive", "a selected attribute is sensitive", a);
            }
        }
    }

    /** {@link #checkSensitive(Predicate)} against the guard verdicts carried by one card's data. */
    public void checkSensitive(Map<String, CardData.Attribute> values) throws AppException {
        checkSensitive(k -> values.containsKey(k) && values.get(k).sensitive());
    }

    public CardDesign withTemplate(String id) {
        return new CardDesign(id, language, primary, secondary, accent, logos, attributes, title, subtitle, titleSize,
                qr, showMpiId, sovereign);
    }

    public CardDesign withLanguage(String lang) {
        return new CardDesign(template, lang, primary, secondary, accent, logos, attributes, title, subtitle, titleSize,
                qr, showMpiId, sovereign);
    }

    public CardDesign withColours(Rgb p, Rgb s, Rgb a) {
        return new CardDesign(template, language, p, s, a, logos, attributes, title, subtitle, titleSize, qr,
                showMpiId, sovereign);
    }

    public CardDesign withLogos(List<Logo> list) {
        return new CardDesign(template, language, primary, secondary, accent, list, attributes, title, subtitle,
                titleSize, qr, showMpiId, sovereign);
    }

    public CardDesign withAttributes(List<String> keys) {
        return new CardDesign(template, language, primary, secondary, accent, logos, keys, title, subtitle, titleSize,
                qr, showMpiId, sovereign);
    }

    public CardDesign withTitles(String t, String s, TitleSize size) {
        return new CardDesign(template, language, primary, secondary, accent, logos, attributes, t, s, size, qr,
                showMpiId, sovereign);
    }

    public CardDesign withQr(QrOptions options) {
        return new CardDesign(template, language, primary, secondary, accent, logos, attributes, title, subtitle,
                titleSize, options, showMpiId, sovereign);
    }

    public CardDesign withShowMpiId(boolean show) {
        return new CardDesign(template, language, primary, secondary, accent, logos, attributes, title, subtitle,
                titleSize, qr, show, sovereign);
    }

    public CardDesign withSovereign(Sovereign s) {
        return new CardDesign(template, language, primary, secondary, accent, logos, attributes, title, subtitle,
                titleSize, qr, showMpiId, s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
