package org.zhibao.screening;

/** The screening rules, named after the kind of conduct in the regulations (see package-info). */
public enum Rule {
    /** Several applications obviously identical (明显相同), after copy-and-tweak edits. */
    P1_DUPLICATE,
    /** An application that is a simple combination (简单组合) of two or more others. */
    P1_COMBINATION,
    /** Content generated at random by a program (随机生成). */
    P4_GENERATED,
    /** Filings of one controller split across entities or addresses (分散提交). */
    P6_SPLIT,
    /** A mark identical or similar to a known mark of someone else by shape, sound or meaning. */
    T_SQUAT,
    /** An applicant filing marks in bulk with no sign of use (大量囤积). */
    T_MASS
}
