package org.zhibao.patent;

/** The three kinds of Chinese patent; an application number says which. */
public enum PatentKind {
    INVENTION, UTILITY_MODEL, DESIGN
}
