package org.zhibao.screening;

import java.time.LocalDate;
import java.util.List;

/** One trademark application as screened (the trademark input line). */
public record TrademarkRecord(String applicationNo, LocalDate filingDate, String mark, List<Integer> niceClasses,
                              List<String> goods, Applicant applicant, String agency) {

    public TrademarkRecord {
        mark = mark == null ? "" : mark;
        niceClasses = niceClasses == null ? List.of() : List.copyOf(niceClasses);
        goods = goods == null ? List.of() : List.copyOf(goods);
        applicant = applicant == null ? new Applicant("", "", "") : applicant;
        agency = agency == null ? "" : agency;
    }
}
