/**
 * The working-day calendar (工作日历): holidays and make-up working days, administrator overrides, deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = "region")
package org.zhibao.calendar;
