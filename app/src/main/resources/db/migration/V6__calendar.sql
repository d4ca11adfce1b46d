-- Corrections and additions to the holiday library's calendar, entered by an administrator when the
-- State Council announces a year's arrangement; an entry wins over the library for its day.
create table calendar_override (
    day        date primary key,
    kind       text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       text,
    basis      text,
    changed_by text,
    changed_at timestamptz not null default now()
);

comment on table calendar_override is 'Working-day calendar overrides: a holiday or a make-up working day (调休上班日) on one day';
comment on column calendar_override.kind is 'HOLIDAY: a day off; WORKDAY: a working day (a make-up working day on a weekend)';
comment on column calendar_override.basis is 'The announcement it rests on, e.g. a State Council General Office notice number';
