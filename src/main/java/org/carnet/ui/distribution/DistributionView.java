package org.carnet.ui.distribution;

import java.util.List;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Distribution tab: sending cards by WhatsApp, SMS and Google Wallet through an offline outbox. */
public final class DistributionView extends TabPage {
    public DistributionView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.DISTRIBUTION);
        setId("distributionTab");
        EmptyState empty = new EmptyState(i18n, Icons.forTab(TabId.DISTRIBUTION), "distribution.empty.title", "distribution.empty.body",
                List.of("distribution.empty.step1", "distribution.empty.step2", "distribution.empty.step3"));
        empty.setId("distributionEmptyState");
        empty.addAction("distributionGoDesign", "action.goDesign", () -> navigator.show(TabId.DESIGN), true);
        setContent(empty);
    }
}
