package org.zhibao.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.calendar.CalendarChanged;
import org.zhibao.calendar.CalendarOverride;
import org.zhibao.calendar.CalendarOverrides;
import org.zhibao.identity.Role;

@IntegrationTest
@RecordApplicationEvents
class CalendarIntegrationTests {

    // the calendar counts every office's deadlines: the national office keeps it
    static final RequestPostProcessor ADMIN = TestUsers.official("000000", Role.SYSTEM_ADMIN);
    static final RequestPostProcessor PROVINCIAL_ADMIN = TestUsers.official("330000", Role.SYSTEM_ADMIN);
    static final RequestPostProcessor OFFICER = TestUsers.official("330100", Role.OFFICER);
    // days in ordinary weeks of March 2025 and of 2031, which no other test uses
    static final LocalDate TUESDAY = LocalDate.of(2025, 3, 11);
    static final LocalDate SATURDAY_2031 = LocalDate.of(2031, 3, 8);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarOverrides overrides;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void removeOverrides() {
        List.of(TUESDAY, SATURDAY_2031).forEach(day -> overrides.remove(day, "test"));
    }

    @Test
    void theAdminPageListsTheLibrarysHolidaysAndTheOverridesMarkedBySource() throws Exception {
        overrides.put(SATURDAY_2031, CalendarOverride.Kind.WORKDAY, "测试调休", "国办发明电〔2030〕1号", "test");

        mvc.perform(get("/admin/calendar").param("year", "2025").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-day=\"2025-10-01\" data-source=\"LIBRARY\"")))
                .andExpect(content().string(containsString("国庆中秋")))
                .andExpect(content().string(containsString("调休上班日")));
        mvc.perform(get("/admin/calendar").param("year", "2031").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-day=\"2031-03-08\" data-source=\"OVERRIDE\"")))
                .andExpect(content().string(containsString("国办发明电〔2030〕1号")))
                .andExpect(content().string(containsString("2002–2026, 2031")))
                .andExpect(content().string(not(containsString("data-testid=\"not-covered\""))));
        mvc.perform(get("/admin/calendar").param("year", "2032").param("lang", "en").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"not-covered\"")))
                .andExpect(content().string(containsString("The holiday arrangement for 2032")));
    }

    @Test
    void anOverrideAddedThroughTheFormIsStoredAndMovesTheDeadlineUntilItIsDeleted() throws Exception {
        mvc.perform(deadline("2025-03-07", 3, "WORKING")).andExpect(jsonPath("$.end").value("2025-03-12"));

        mvc.perform(post("/admin/calendar/overrides").with(ADMIN).with(csrf())
                        .param("day", "2025-03-11").param("kind", "HOLIDAY").param("name", "临时假日")
                        .param("basis", "国办发明电〔2025〕99号"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2025"));

        assertThat(jdbc.sql("select kind || ' ' || name || ' ' || basis || ' ' || changed_by from calendar_override where day = :day")
                .param("day", TUESDAY).query(String.class).single())
                .isEqualTo("HOLIDAY 临时假日 国办发明电〔2025〕99号 test-000000");
        assertThat(events.stream(CalendarChanged.class)).containsExactly(new CalendarChanged(TUESDAY));
        mvc.perform(deadline("2025-03-07", 3, "WORKING"))
                .andExpect(jsonPath("$.end").value("2025-03-13"))
                .andExpect(jsonPath("$.steps[?(@.code == 'calendar.step.holiday-skipped.one-day')].source").value("OVERRIDE"));
        mvc.perform(get("/admin/calendar").param("year", "2025").with(ADMIN))
                .andExpect(content().string(containsString("data-day=\"2025-03-11\" data-source=\"OVERRIDE\"")));

        mvc.perform(post("/admin/calendar/overrides/2025-03-11/delete").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2025"));

        mvc.perform(deadline("2025-03-07", 3, "WORKING")).andExpect(jsonPath("$.end").value("2025-03-12"));
        assertThat(events.stream(CalendarChanged.class)).hasSize(2);
    }

    @Test
    void aProvincialSystemAdministratorReadsTheCalendarButCannotChangeIt() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2025").with(PROVINCIAL_ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"calendar-read-only\"")))
                .andExpect(content().string(not(containsString("data-testid=\"override-form\""))));
        mvc.perform(post("/admin/calendar/overrides").with(PROVINCIAL_ADMIN).with(csrf())
                .param("day", "2031-05-06").param("kind", "HOLIDAY").param("name", "x").param("basis", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/overrides/2031-05-06/delete").with(PROVINCIAL_ADMIN).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2031-05-05").param("days", "1")
                .param("kind", "WORKING").with(OFFICER))
                .andExpect(jsonPath("$.end").value("2031-05-06"));
    }

    @Test
    void anOfficerMayNeitherSeeNorChangeTheCalendarTable() throws Exception {
        mvc.perform(get("/admin/calendar").with(OFFICER)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/overrides").with(OFFICER).with(csrf())
                        .param("day", "2025-03-11").param("kind", "HOLIDAY").param("name", "x").param("basis", "y"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/overrides/2025-03-11/delete").with(OFFICER).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(overrides.on(TUESDAY)).isEmpty();
    }

    @Test
    void invalidFormInputShowsErrorsNextToTheFieldsInTheUsersLanguage() throws Exception {
        mvc.perform(post("/admin/calendar/overrides").with(ADMIN).with(csrf())
                        .param("day", "2025-02-30").param("kind", "").param("name", " ").param("basis", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"day-error\"")))
                .andExpect(content().string(containsString("日期格式应为")))
                .andExpect(content().string(containsString("请选择类型。")))
                .andExpect(content().string(containsString("请填写名称。")))
                .andExpect(content().string(containsString("aria-describedby=\"name-hint name-error\"")))
                .andExpect(content().string(containsString("请填写依据")));
        mvc.perform(post("/admin/calendar/overrides").with(ADMIN).with(csrf()).param("lang", "en")
                        .param("day", "2025-03-11").param("kind", "HOLIDAY").param("name", "").param("basis", "b"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the name.")))
                .andExpect(content().string(containsString("value=\"2025-03-11\"")));

        assertThat(overrides.on(TUESDAY)).isEmpty();
    }

    @Test
    void theDeadlineApiExplainsEachStepInTheRequestsLanguage() throws Exception {
        mvc.perform(deadline("2025-09-28", 5, "WORKING"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2025-09-28"))
                .andExpect(jsonPath("$.end").value("2025-10-11"))
                .andExpect(jsonPath("$.kind").value("WORKING"))
                .andExpect(jsonPath("$.days").value(5))
                .andExpect(jsonPath("$.steps[2].code").value("calendar.step.holiday-skipped"))
                .andExpect(jsonPath("$.steps[2].date").value("2025-10-01"))
                .andExpect(jsonPath("$.steps[2].to").value("2025-10-08"))
                .andExpect(jsonPath("$.steps[2].name").value("国庆中秋"))
                .andExpect(jsonPath("$.steps[2].text").value(containsString("国庆中秋假期 8 天")));
        mvc.perform(deadline("2025-09-26", 5, "CALENDAR").param("lang", "en"))
                .andExpect(jsonPath("$.end").value("2025-10-09"))
                .andExpect(jsonPath("$.steps[2].name").value("National Day and Mid-Autumn Festival"))
                .andExpect(jsonPath("$.steps[3].text").value(containsString("next working day, Thu 2025-10-09")));
    }

    @Test
    void theDeadlineApiRefusesNonsense() throws Exception {
        mvc.perform(deadline("2025-09-28", -1, "WORKING")).andExpect(status().isBadRequest());
        mvc.perform(deadline("2025-09-28", 5, "WEEKLY")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/calendar/deadline").param("days", "5").param("kind", "WORKING")
                .with(TestUsers.publicUser())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2025-09-28").param("days", "5")
                .param("kind", "WORKING")).andExpect(status().isUnauthorized()); // the API answers 401, not a redirect to the login page
    }

    @Test
    void theCalculatorPageShowsTheLastDayAndHowItWasCounted() throws Exception {
        mvc.perform(get("/calendar/deadline").with(OFFICER))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("invalid-feedback"))))
                .andExpect(content().string(not(containsString("data-testid=\"deadline-result\""))));
        mvc.perform(get("/calendar/deadline").with(OFFICER)
                        .param("start", "2025-09-28").param("days", "5").param("kind", "WORKING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-end=\"2025-10-11\"")))
                .andExpect(content().string(containsString("起算日2025-09-28")))
                .andExpect(content().string(containsString("按工作日计算")));
        mvc.perform(get("/calendar/deadline").with(OFFICER)
                        .param("start", "").param("days", "abc").param("kind", "WORKING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写起算日。")))
                .andExpect(content().string(containsString("天数应为整数。")))
                .andExpect(content().string(containsString("aria-describedby=\"days-error\"")));
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder deadline(String start, int days,
            String kind) {
        return get("/api/v1/calendar/deadline").param("start", start).param("days", String.valueOf(days))
                .param("kind", kind).with(OFFICER);
    }
}
