package org.carnet.ui.mapping;

import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Mapping tab: DHIS2 tracked-entity attributes to card fields. */
public final class MappingView extends TabPage {
    public MappingView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.MAPPING);
        EmptyState empty = showEmptyState();
        empty.addAction("mappingGoConnection", "action.goConnection", () -> navigator.show(TabId.CONNECTION), true);
    }
}
