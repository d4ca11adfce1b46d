package org.zhibao.calendar;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar the application counts on: the holiday library with the administrator's overrides. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarOverrides overrides) {
        return new OverridingCalendar(LibraryCalendar.instance(), overrides::current);
    }

    @Bean
    Deadlines deadlines(WorkingDayCalendar calendar) {
        return new Deadlines(calendar);
    }

    @Bean
    DeadlineExplanations deadlineExplanations(MessageSource messageSource) {
        return new DeadlineExplanations(messageSource);
    }
}
