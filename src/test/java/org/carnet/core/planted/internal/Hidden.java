package org.carnet.core.planted.internal;

/** An internal class of the planted feature. */
public class Hidden {
}
