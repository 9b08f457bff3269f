package org.carnet.ui.mapping;

import java.util.List;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Mapping tab: DHIS2 tracked-entity attributes to card fields. */
public final class MappingView extends TabPage {
    public MappingView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.MAPPING);
        setId("mappingTab");
        EmptyState empty = new EmptyState(i18n, Icons.forTab(TabId.MAPPING), "mapping.empty.title", "mapping.empty.body",
                List.of("mapping.empty.step1", "mapping.empty.step2", "mapping.empty.step3"));
        empty.setId("mappingEmptyState");
        empty.addAction("mappingGoConnection", "action.goConnection", () -> navigator.show(TabId.CONNECTION), true);
        setContent(empty);
    }
}
