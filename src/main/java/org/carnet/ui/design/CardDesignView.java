package org.carnet.ui.design;

import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Card Design tab: templates, colours, logos and fields, with a live preview. */
public final class CardDesignView extends TabPage {
    public CardDesignView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.DESIGN);
        EmptyState empty = showEmptyState();
        empty.addAction("designGoSync", "action.goSync", () -> navigator.show(TabId.SYNC), false);
    }
}
