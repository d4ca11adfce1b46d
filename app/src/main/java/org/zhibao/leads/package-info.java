/**
 * The precise management list (精准管理名单) of abnormal patent applications (非正常专利申请) and bad-faith
 * trademark filings (恶意商标注册申请): officers of the national and provincial offices import a batch of filings
 * and the screening engine runs over it in the background (a patent batch against every patent filing screened
 * before, the engine's index, 比对库); its findings become leads (线索) assigned to the
 * office of the applicant's region, which verifies them (主动核查) by confirming or dismissing each with reasons;
 * a higher office may hand a lead down (交办) with a deadline. Reports from the public (举报) make leads too.
 * A confirmed lead raises {@link org.zhibao.leads.AbnormalFilingConfirmed} for credit supervision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads",
        allowedDependencies = { "screening", "region", "office", "identity", "audit", "storage", "database", "party" })
package org.zhibao.leads;
