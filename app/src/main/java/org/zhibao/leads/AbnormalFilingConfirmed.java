package org.zhibao.leads;

import java.time.Instant;
import java.util.List;

/**
 * An office confirmed that filings are abnormal (or in bad faith): what credit supervision needs to act on the
 * applicant.
 *
 * @param leadId the lead confirmed
 * @param rule the conduct, as the screening rule names it (P1_DUPLICATE, T_SQUAT …)
 * @param applicantName the applicant as it filed
 * @param applicantCreditCode its unified social credit code, {@code null} when the filings gave none
 * @param applicationNumbers the filings concerned
 * @param basis the legal basis the office relied on
 * @param officeId the confirming office
 * @param confirmedAt when
 */
public record AbnormalFilingConfirmed(long leadId, String rule, String applicantName, String applicantCreditCode,
        List<String> applicationNumbers, String basis, long officeId, Instant confirmedAt) {

    public AbnormalFilingConfirmed {
        applicationNumbers = List.copyOf(applicationNumbers);
    }
}
