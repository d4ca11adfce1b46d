package org.zhibao.screening;

import java.util.List;

/** A known or registered mark of someone: the mark, its owner, its Nice classes (empty: all classes). */
public record KnownMark(String mark, String owner, List<Integer> niceClasses) {

    public KnownMark {
        mark = mark == null ? "" : mark;
        owner = owner == null ? "" : owner;
        niceClasses = niceClasses == null ? List.of() : List.copyOf(niceClasses);
    }
}
