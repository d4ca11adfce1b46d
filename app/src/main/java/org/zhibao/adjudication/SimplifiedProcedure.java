package org.zhibao.adjudication;

/**
 * A province's simplified procedure (简易程序): the national measures have none, the work plan asks for one, so
 * each province sets it as a local rule with its own basis and time limit (in calendar days from docketing).
 */
public record SimplifiedProcedure(String provinceCode, int timeLimitDays, String basis) {
}
