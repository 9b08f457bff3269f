package org.carnet.ui.distribution;

import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Distribution tab: sending cards by WhatsApp, SMS and Google Wallet through an offline outbox. */
public final class DistributionView extends TabPage {
    public DistributionView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.DISTRIBUTION);
        EmptyState empty = showEmptyState();
        empty.addAction("distributionGoDesign", "action.goDesign", () -> navigator.show(TabId.DESIGN), true);
    }
}
