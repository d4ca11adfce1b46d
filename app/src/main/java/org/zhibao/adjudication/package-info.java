/**
 * Patent-infringement dispute administrative adjudication (专利侵权纠纷行政裁决): a patentee asks an IP office
 * to stop an infringement, and the office decides within the time the law allows. Being built (issue 3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adjudication",
        allowedDependencies = { "patent", "party", "region", "office", "calendar", "identity", "audit", "storage", "database", "document", "api" })
package org.zhibao.adjudication;
