package org.zhibao.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.calendar.CalendarOverride;
import org.zhibao.calendar.CalendarOverrides;
import org.zhibao.calendar.DayKind;
import org.zhibao.calendar.DeadlineExplanations;
import org.zhibao.calendar.WorkingDayCalendar;
import org.zhibao.region.Jurisdiction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The system administrator's view of a year's calendar, and the override table behind it. The calendar
 * counts every office's deadlines, so only the national office's system administrator changes it.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class CalendarAdminController {

    static final String FORM = "calendarOverride";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CHANGED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2200;

    private final WorkingDayCalendar calendar;
    private final CalendarOverrides overrides;
    private final DeadlineExplanations texts;
    private final MessageSource messages;

    CalendarAdminController(WorkingDayCalendar calendar, CalendarOverrides overrides, DeadlineExplanations texts,
            MessageSource messages) {
        this.calendar = calendar;
        this.overrides = overrides;
        this.texts = texts;
        this.messages = messages;
    }

    private static void requireNationalOffice(Jurisdiction jurisdiction) {
        if (!jurisdiction.isNational()) {
            throw new AccessDeniedException("The working-day calendar is kept by the national office");
        }
    }

    @GetMapping
    String year(@RequestParam(required = false) Integer year, Jurisdiction jurisdiction, Model model, Locale locale) {
        model.addAttribute("national", jurisdiction.isNational());
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new OverrideForm());
        }
        return page(year == null ? LocalDate.now(CHINA).getYear() : year, model, locale);
    }

    @PostMapping("/overrides")
    String put(@Valid @ModelAttribute(FORM) OverrideForm form, BindingResult errors, Jurisdiction jurisdiction,
            @AuthenticationPrincipal(expression = "username") String username, Model model, Locale locale,
            RedirectAttributes redirect) {
        requireNationalOffice(jurisdiction);
        if (errors.hasErrors()) {
            model.addAttribute("national", true);
            int year = form.getDay() == null ? LocalDate.now(CHINA).getYear() : form.getDay().getYear();
            return page(year, model, locale);
        }
        overrides.put(form.getDay(), form.getKind(), form.getName(), form.getBasis(), username);
        redirect.addFlashAttribute("message",
                messages.getMessage("calendar.admin.added", new Object[] { texts.date(form.getDay(), locale) }, locale));
        return "redirect:/admin/calendar?year=" + form.getDay().getYear();
    }

    @PostMapping("/overrides/{day}/delete")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Jurisdiction jurisdiction,
            @AuthenticationPrincipal(expression = "username") String username, Locale locale,
            RedirectAttributes redirect) {
        requireNationalOffice(jurisdiction);
        String code = overrides.remove(day, username) ? "calendar.admin.deleted" : "calendar.admin.not-found";
        redirect.addFlashAttribute("message", messages.getMessage(code, new Object[] { texts.date(day, locale) }, locale));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(int requested, Model model, Locale locale) {
        int year = Math.max(FIRST_YEAR, Math.min(LAST_YEAR, requested));
        WorkingDayCalendar library = WorkingDayCalendar.libraryOnly();
        List<Row> rows = calendar.specialDays(year).stream().map(day -> {
            CalendarOverride override = overrides.on(day.day()).orElse(null);
            DayKind underneath = library.dayKind(day.day());
            return new Row(day.day(), texts.date(day.day(), locale), day.type().code(), texts.holidayName(day, locale),
                    day.source().code(), override,
                    override == null ? null : underneath.type().code(),
                    override == null ? null : texts.holidayName(underneath, locale),
                    override == null || override.changedAt() == null ? null
                            : CHANGED_AT.format(override.changedAt().atZone(CHINA)));
        }).toList();
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("covered", calendar.covers(year));
        model.addAttribute("coveredYears", ranges(calendar.coveredYears()));
        model.addAttribute("kinds", CalendarOverride.Kind.values());
        return "calendar/admin";
    }

    /** 2002–2026 rather than twenty-five numbers. */
    static String ranges(SortedSet<Integer> years) {
        List<String> ranges = new ArrayList<>();
        Integer first = null;
        Integer previous = null;
        for (int year : years) {
            if (previous == null || year != previous + 1) {
                if (first != null) {
                    ranges.add(first.equals(previous) ? first.toString() : first + "–" + previous);
                }
                first = year;
            }
            previous = year;
        }
        if (first != null) {
            ranges.add(first.equals(previous) ? first.toString() : first + "–" + previous);
        }
        return String.join(", ", ranges);
    }

    /**
     * One line of the year's table.
     *
     * @param libraryTypeCode for an override, what the library says of the day (its type's message code)
     * @param libraryName for an override, the library's holiday name for the day, empty when none
     */
    record Row(LocalDate day, String date, String typeCode, String name, String sourceCode, CalendarOverride override,
            String libraryTypeCode, String libraryName, String changedAt) {
    }
}
