package org.carnet.ui.review;

import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Review Queue tab: probable duplicates, side by side, for a human decision. */
public final class ReviewQueueView extends TabPage {
    public ReviewQueueView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.REVIEW);
        EmptyState empty = showEmptyState();
        empty.addAction("reviewGoSync", "action.goSync", () -> navigator.show(TabId.SYNC), true);
    }
}
