package org.zhibao.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The override table ({@code calendar_override}) an administrator edits when the State Council announces
 * a year's arrangement, kept whole in memory: it holds a few dozen rows a year and is read on every day a
 * deadline counts. The copy is reloaded after each change here and every minute, because other instances
 * sharing the database change it too; a minute's delay is harmless for a table that changes a few times a
 * year, and a full reload is simpler and safer than tracking versions.
 */
@Service
public class CalendarOverrides {

    private static final Logger log = LoggerFactory.getLogger(CalendarOverrides.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private volatile Map<LocalDate, CalendarOverride> table;

    CalendarOverrides(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The overrides of a year, in date order. */
    public List<CalendarOverride> inYear(int year) {
        return current().values().stream().filter(override -> override.day().getYear() == year).toList();
    }

    public Optional<CalendarOverride> on(LocalDate day) {
        return Optional.ofNullable(current().get(day));
    }

    /** Makes {@code day} a holiday or a working day, replacing any override it had. */
    @Transactional
    public void put(LocalDate day, CalendarOverride.Kind kind, String name, String basis, String changedBy) {
        jdbc.sql("""
                insert into calendar_override (day, kind, name, basis, changed_by, changed_at)
                values (:day, :kind, :name, :basis, :changedBy, now())
                on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                    basis = excluded.basis, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """)
                .param("day", day)
                .param("kind", kind.name())
                .param("name", name)
                .param("basis", basis)
                .param("changedBy", changedBy)
                .update();
        log.info("Calendar override for {} set to {} by {}", day, kind, changedBy);
        events.publishEvent(new CalendarChanged(day));
    }

    /** Removes the override of {@code day}, so that the library's answer holds again. */
    @Transactional
    public boolean remove(LocalDate day, String removedBy) {
        boolean removed = jdbc.sql("delete from calendar_override where day = :day").param("day", day).update() > 0;
        if (removed) {
            log.info("Calendar override for {} removed by {}", day, removedBy);
            events.publishEvent(new CalendarChanged(day));
        }
        return removed;
    }

    Map<LocalDate, CalendarOverride> current() {
        Map<LocalDate, CalendarOverride> snapshot = table;
        return snapshot != null ? snapshot : reload();
    }

    @TransactionalEventListener
    void reloadAfter(CalendarChanged changed) {
        reload();
    }

    // every instance refreshes its own copy, so this job is deliberately not locked across instances
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void refresh() {
        try {
            reload();
        }
        catch (DataAccessException e) {
            log.warn("Could not refresh the calendar overrides, keeping the previous copy", e);
        }
    }

    private synchronized Map<LocalDate, CalendarOverride> reload() {
        Map<LocalDate, CalendarOverride> loaded = new TreeMap<>();
        jdbc.sql("select day, kind, name, basis, changed_by, changed_at from calendar_override order by day")
                .query(CalendarOverrides::map)
                .list()
                .forEach(override -> loaded.put(override.day(), override));
        table = Collections.unmodifiableMap(loaded);
        return table;
    }

    private static CalendarOverride map(ResultSet row, int number) throws SQLException {
        OffsetDateTime changedAt = row.getObject("changed_at", OffsetDateTime.class);
        return new CalendarOverride(row.getObject("day", LocalDate.class),
                CalendarOverride.Kind.valueOf(row.getString("kind")), row.getString("name"), row.getString("basis"),
                row.getString("changed_by"), changedAt == null ? null : changedAt.toInstant());
    }
}
