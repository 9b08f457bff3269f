package org.carnet.ui.review;

import java.util.List;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Review Queue tab: probable duplicates, side by side, for a human decision. */
public final class ReviewQueueView extends TabPage {
    public ReviewQueueView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.REVIEW);
        setId("reviewTab");
        EmptyState empty = new EmptyState(i18n, Icons.forTab(TabId.REVIEW), "review.empty.title", "review.empty.body",
                List.of("review.empty.step1", "review.empty.step2", "review.empty.step3"));
        empty.setId("reviewEmptyState");
        empty.addAction("reviewGoSync", "action.goSync", () -> navigator.show(TabId.SYNC), true);
        setContent(empty);
    }
}
