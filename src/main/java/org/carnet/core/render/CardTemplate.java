package org.carnet.core.render;

/**
 * One card template: its format, its default palette, and how it draws each side in millimetres on a
 * {@link CardCanvas}. Templates only place things; fitting, QR rules and colours come from {@link CardContext} and
 * {@link Draw}.
 */
public interface CardTemplate {

    /** The id used in designs and on the command line, e.g. {@code vital}. */
    String id();

    default CardFormat format() {
        return CardFormat.CR80;
    }

    /** The template's own colours. */
    Palette defaults();

    void front(CardCanvas c, CardContext ctx);

    void back(CardCanvas c, CardContext ctx);

    default void paint(CardCanvas c, CardContext ctx, Side side) {
        if (side == Side.FRONT) {
            front(c, ctx);
        } else {
            back(c, ctx);
        }
    }
}
