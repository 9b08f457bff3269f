package org.carnet.ui.connection;

import org.carnet.uikit.I18n;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Connection tab: which DHIS2 server Carnet reads from, and how it signs in. */
public final class ConnectionView extends TabPage {
    public ConnectionView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.CONNECTION);
        showEmptyState();
    }
}
