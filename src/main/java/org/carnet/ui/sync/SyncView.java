package org.carnet.ui.sync;

import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Sync tab: bringing enrollments into the registry, by hand, on a schedule or by webhook. */
public final class SyncView extends TabPage {
    public SyncView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.SYNC);
        EmptyState empty = showEmptyState();
        empty.addAction("syncGoMapping", "action.goMapping", () -> navigator.show(TabId.MAPPING), true);
        empty.addAction("syncGoConnection", "action.goConnection", () -> navigator.show(TabId.CONNECTION), false);
    }
}
