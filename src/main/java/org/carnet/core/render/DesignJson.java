package org.carnet.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.carnet.core.common.AppException;

/**
 * The JSON form of a {@link CardDesign}, versioned ({@value #VERSION}); logos travel inside it (Base64), so a design
 * file is complete on another laptop. Reading validates everything: colours, logos, template, limits.
 */
public final class DesignJson {
    public static final String FORMAT = "carnet-card-design";
    public static final int VERSION = 1;
    /** Largest design file accepted: three 2 MB logos in Base64 and the rest. */
    public static final int MAX_BYTES = 9 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DesignJson() {
    }

    public static String write(CardDesign d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("template", d.template());
        root.put("language", d.language());
        ObjectNode colours = root.putObject("colors");
        putColour(colours, "primary", d.primary());
        putColour(colours, "secondary", d.secondary());
        putColour(colours, "accent", d.accent());
        ArrayNode logos = root.putArray("logos");
        for (Logo l : d.logos()) {
            logos.addObject().put("sha256", l.sha256()).put("data", Base64.getEncoder().encodeToString(l.bytes()));
        }
        ArrayNode attrs = root.putArray("attributes");
        d.attributes().forEach(attrs::add);
        root.put("title", d.title());
        root.put("subtitle", d.subtitle());
        root.put("title_size", d.titleSize().name().toLowerCase(Locale.ROOT));
        ObjectNode qr = root.putObject("qr_code");
        qr.put("enabled", d.qr().enabled());
        qr.put("position", d.qr().position().name().toLowerCase(Locale.ROOT));
        qr.put("size", d.qr().size().name().toLowerCase(Locale.ROOT));
        root.put("show_mpi_id", d.showMpiId());
        ObjectNode s = root.putObject("sovereign");
        s.put("accent_hex", d.sovereign().accent().hex());
        s.put("bg_hex", d.sovereign().background().hex());
        s.put("bg_deep_hex", d.sovereign().deepBackground().hex());
        s.put("font_scale", d.sovereign().fontScale());
        s.put("max_attrs", d.sovereign().maxAttributes());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the design's JSON: recorded with every issued card. */
    public static String hash(CardDesign d) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(d).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and validates a design file.
     *
     * @throws AppException {@code render.error.design.*}, {@code render.error.colour}, {@code render.error.logo.*}
     */
    public static CardDesign read(byte[] bytes) throws AppException {
        if (bytes.length > MAX_BYTES) {
            throw new AppException("render.error.design.tooBig", "design file too large");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AppException("render.error.design.json", "design file is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new AppException("render.error.design.json", "design file is not a JSON object");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1) {
            throw new AppException("render.error.design.version", "design file has no version");
        }
        if (version > VERSION) {
            throw new AppException("render.error.design.newer", "design made by a newer Carnet", version, VERSION);
        }
        CardDesign base = CardDesign.defaults(text(root, "template", "vital"));
        JsonNode c = root.path("colors");
        List<Logo> logos = new ArrayList<>();
        for (JsonNode l : root.path("logos")) {
            byte[] data;
            try {
                data = Base64.getDecoder().decode(l.path("data").asText(""));
            } catch (IllegalArgumentException e) {
                throw new AppException("render.error.logo.unreadable", "logo is not valid Base64");
            }
            logos.add(Logo.read(data));
            if (logos.size() > CardDesign.MAX_LOGOS) {
                throw new AppException("render.error.design.logos", "more than 3 logos", CardDesign.MAX_LOGOS);
            }
        }
        List<String> attrs = new ArrayList<>();
        if (root.has("attributes")) {
            for (JsonNode a : root.path("attributes")) {
                attrs.add(a.asText());
            }
        } else {
            attrs.addAll(base.attributes());
        }
        JsonNode q = root.path("qr_code");
        CardDesign.QrOptions qr = new CardDesign.QrOptions(q.path("enabled").asBoolean(true),
                enumValue(CardDesign.QrPosition.class, q.path("position").asText(null), "qr_code.position"),
                enumValue(CardDesign.QrSize.class, q.path("size").asText(null), "qr_code.size"));
        JsonNode s = root.path("sovereign");
        CardDesign.Sovereign sov = new CardDesign.Sovereign(colour(s, "accent_hex"), colour(s, "bg_hex"),
                colour(s, "bg_deep_hex"), s.path("font_scale").asDouble(1.0), s.path("max_attrs").asInt(4));
        return new CardDesign(base.template(), text(root, "language", "fr"), colour(c, "primary"),
                colour(c, "secondary"), colour(c, "accent"), logos, attrs, text(root, "title", null),
                text(root, "subtitle", null),
                enumValue(CardDesign.TitleSize.class, root.path("title_size").asText(null), "title_size"), qr,
                root.path("show_mpi_id").asBoolean(true), sov).validate();
    }

    private static void putColour(ObjectNode n, String field, Rgb c) {
        if (c == null) {
            n.putNull(field);
        } else {
            n.put(field, c.hex());
        }
    }

    private static Rgb colour(JsonNode parent, String field) throws AppException {
        JsonNode n = parent.path(field);
        return n.isMissingNode() || n.isNull() ? null : Rgb.parse(n.asText(), field);
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode n = root.path(field);
        return n.isMissingNode() || n.isNull() ? fallback : n.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) throws AppException {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AppException("render.error.design.value", "unknown value for " + field, field);
        }
    }
}
