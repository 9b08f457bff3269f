package org.carnet.core.render.templates;

import org.carnet.core.render.CardCanvas;
import org.carnet.core.render.CardContext;
import org.carnet.core.render.CardTemplate;
import org.carnet.core.render.Palette;

/** {@code aero}: placeholder drawn like vital until its own layout lands. */
public final class AeroTemplate implements CardTemplate {
    private final VitalTemplate base = new VitalTemplate();

    @Override
    public String id() {
        return "aero";
    }

    @Override
    public Palette defaults() {
        return base.defaults();
    }

    @Override
    public void front(CardCanvas c, CardContext ctx) {
        base.front(c, ctx);
    }

    @Override
    public void back(CardCanvas c, CardContext ctx) {
        base.back(c, ctx);
    }
}
