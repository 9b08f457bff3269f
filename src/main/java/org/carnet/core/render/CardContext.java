package org.carnet.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.AppException;

/** Everything a template reads while drawing one card: the data, the design, the resolved colours and labels. */
public final class CardContext {
    /** One attribute as printed: translated label and value. */
    public record Item(String key, String label, String value) {
        @Override
        public String toString() {
            return "Item[" + key + "]";
        }
    }

    private final CardData data;
    private final CardDesign design;
    private final Palette palette;
    private final CardLabels labels;
    private final QrPayload payload;
    private QrCode qr;

    CardContext(CardData data, CardDesign design, Palette palette, QrPayload payload) {
        this.data = data;
        this.design = design;
        this.palette = palette;
        this.labels = new CardLabels(design.language());
        this.payload = payload;
    }

    public CardData data() {
        return data;
    }

    public CardDesign design() {
        return design;
    }

    public Palette palette() {
        return palette;
    }

    public CardLabels labels() {
        return labels;
    }

    public String label(String key) {
        return labels.get(key);
    }

    /** The card title: the design's title, else the programme name, else "Health card". */
    public String title() {
        if (design.title() != null) {
            return design.title();
        }
        return data.programName() != null && !data.programName().isBlank() ? data.programName()
                : labels.get("card.health");
    }

    /** The subtitle, or {@code fallback} when the design has none. */
    public String subtitle(String fallback) {
        return design.subtitle() != null ? design.subtitle() : fallback;
    }

    /** Title size in points: the template's base size times the design's title size. */
    public double titlePt(double base) {
        return base * design.titleSize().factor();
    }

    public String sexLabel() {
        return data.sex() == null ? "—" : labels.get("card.sex." + data.sex());
    }

    public String date(java.time.LocalDate d) {
        return labels.date(d);
    }

    /** The design's attributes that have a value for this person, at most {@code max}, with translated labels. */
    public List<Item> attributes(int max) {
        List<Item> out = new ArrayList<>();
        Map<String, CardData.Attribute> values = data.attributes();
        for (String key : design.attributes()) {
            if (out.size() >= max) {
                break;
            }
            CardData.Attribute a = values.get(key);
            if (a == null || a.value() == null || a.value().isBlank() || a.sensitive()) {
                continue;
            }
            String label = a.label() != null ? a.label() : labels.has("card." + key) ? labels.get("card." + key) : key;
            out.add(new Item(key, label, a.value()));
        }
        return out;
    }

    /** The card's QR symbol (from the payload provider), or null when the design turns the QR off. */
    public QrCode qr() {
        return design.qr().enabled() ? verificationQr() : null;
    }

    /** The QR symbol even when the design hides it on the front (backs always carry one to verify the card). */
    public QrCode verificationQr() {
        if (qr == null) {
            try {
                qr = QrCode.encode(payload.content(data));
            } catch (AppException e) {
                throw new IllegalStateException("QR payload cannot be encoded", e);
            }
        }
        return qr;
    }

    public List<Logo> logos() {
        return design.logos();
    }
}
