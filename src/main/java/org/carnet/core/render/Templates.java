package org.carnet.core.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.AppException;
import org.carnet.core.render.templates.AeroTemplate;
import org.carnet.core.render.templates.AuroraTemplate;
import org.carnet.core.render.templates.EmeraldTemplate;
import org.carnet.core.render.templates.HorizonTemplate;
import org.carnet.core.render.templates.MothercareTemplate;
import org.carnet.core.render.templates.NomadTemplate;
import org.carnet.core.render.templates.PulseTemplate;
import org.carnet.core.render.templates.ShieldTemplate;
import org.carnet.core.render.templates.SovereignTemplate;
import org.carnet.core.render.templates.VitalTemplate;

/** The ten card templates, in gallery order. */
public final class Templates {
    private static final Map<String, CardTemplate> ALL = new LinkedHashMap<>();

    static {
        for (CardTemplate t : List.of(new VitalTemplate(), new EmeraldTemplate(), new PulseTemplate(),
                new MothercareTemplate(), new ShieldTemplate(), new NomadTemplate(), new AeroTemplate(),
                new HorizonTemplate(), new AuroraTemplate(), new SovereignTemplate())) {
            ALL.put(t.id(), t);
        }
    }

    private Templates() {
    }

    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    public static List<CardTemplate> all() {
        return List.copyOf(ALL.values());
    }

    public static boolean exists(String id) {
        return id != null && ALL.containsKey(id);
    }

    /**
     * @throws AppException {@code render.error.design.template} listing the known templates
     */
    public static CardTemplate get(String id) throws AppException {
        CardTemplate t = id == null ? null : ALL.get(id.strip().toLowerCase(java.util.Locale.ROOT));
        if (t == null) {
            throw new AppException("render.error.design.template", "unknown template", id, String.join(", ", ids()));
        }
        return t;
    }
}
