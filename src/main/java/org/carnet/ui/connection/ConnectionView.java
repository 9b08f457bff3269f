package org.carnet.ui.connection;

import java.util.List;
import org.carnet.uikit.EmptyState;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Icons;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;

/** The Connection tab: which DHIS2 server Carnet reads from, and how it signs in. */
public final class ConnectionView extends TabPage {
    public ConnectionView(I18n i18n, Navigator navigator) {
        super(i18n, TabId.CONNECTION);
        setId("connectionTab");
        EmptyState empty = new EmptyState(i18n, Icons.forTab(TabId.CONNECTION), "connection.empty.title", "connection.empty.body",
                List.of("connection.empty.step1", "connection.empty.step2", "connection.empty.step3"));
        empty.setId("connectionEmptyState");

        setContent(empty);
    }
}
