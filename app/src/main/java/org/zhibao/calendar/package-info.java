/**
 * The working-day calendar (工作日历): public holidays and make-up working days from a maintained library,
 * corrected by an administrator's overrides, and the deadlines counted on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.zhibao.calendar;
