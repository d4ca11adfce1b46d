-- IP offices (知识产权局), at most one per administrative division. The parent is the office of the nearest
-- ancestor region that has one; the application keeps it up to date when an office is added in between.
create table office (
    id          bigint generated always as identity primary key,
    region_code char(6) not null unique check (region_code ~ '^[0-9]{6}$'),
    level       text not null check (level in ('NATIONAL', 'PROVINCE', 'PREFECTURE', 'COUNTY')),
    name        text not null check (length(trim(name)) > 0),
    name_en     text,
    parent_id   bigint references office (id),
    created_at  timestamp with time zone not null default now()
);

-- Jurisdiction queries are prefix matches (region_code like '33%'). region_code is char(6), so the
-- pattern operator class is bpchar_pattern_ops (text_pattern_ops' counterpart for char(n)): it serves
-- LIKE prefixes whatever the database collation.
create index office_region_code_prefix_idx on office (region_code bpchar_pattern_ops);
create index office_parent_id_idx on office (parent_id);
