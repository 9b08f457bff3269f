package org.carnet.ui.plantedalpha;

import java.util.concurrent.Future;
import org.carnet.core.planted.internal.Hidden;
import org.carnet.ui.plantedbeta.BetaView;

/** Planted violations: a tab using another tab, another feature's internal package, and blocking calls. */
public class AlphaView {
    BetaView other = new BetaView();
    Hidden hidden = new Hidden();

    Object waitFor(Future<Object> f) throws Exception {
        Thread.sleep(10);
        return f.get();
    }
}
