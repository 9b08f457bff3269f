package org.carnet.uikit;

/** Lets a tab send the user to another tab without knowing it (tabs never depend on each other). */
@FunctionalInterface
public interface Navigator {
    void show(TabId tab);
}
