package org.carnet.ui.design;

import java.util.List;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Card Design tab: templates, colours, logos and fields, with a live preview. */
public final class CardDesignView extends TabPage {
    public CardDesignView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.DESIGN);
        setId("designTab");
        EmptyState empty = new EmptyState(i18n, Icons.forTab(TabId.DESIGN), "design.empty.title", "design.empty.body",
                List.of("design.empty.step1", "design.empty.step2", "design.empty.step3"));
        empty.setId("designEmptyState");
        empty.addAction("designGoSync", "action.goSync", () -> navigator.show(TabId.SYNC), false);
        setContent(empty);
    }
}
