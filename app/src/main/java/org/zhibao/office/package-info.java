/**
 * IP offices (知识产权局) at national, provincial, prefecture and county level: one per region, arranged
 * by the region hierarchy; an office's region is the jurisdiction of its officials.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offices", allowedDependencies = "region")
package org.zhibao.office;
