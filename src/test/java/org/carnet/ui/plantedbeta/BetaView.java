package org.carnet.ui.plantedbeta;

/** The other planted tab. */
public class BetaView {
}
