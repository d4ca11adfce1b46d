-- Patent-infringement dispute adjudication (专利侵权纠纷行政裁决): cases, their parties, what happened to
-- them, the files and documents in them. Periods are not stored: they are computed from the dates below on
-- the working-day calendar whenever they are read, so a holiday added to the calendar moves open deadlines.

create table adjudication_case (
    id                    bigint generated always as identity primary key,
    office_id             bigint not null references office (id),
    -- the office's region, copied when the case arrives there (a case never moves: a transfer closes it
    -- here and opens a new request at the competent office): scopes every query and the row policy
    office_region         char(6) not null check (office_region ~ '^[0-9]{6}$'),
    kind                  text not null check (kind in ('ORDINARY', 'SIMPLIFIED', 'MAJOR', 'DRUG_PATENT')),
    status                text not null,
    -- the version of the rules in force on the filing day (ProcedureRules.name)
    rules                 text not null,
    case_number           text unique,
    title                 text not null,
    patent_number         text not null,
    patent_kind           text not null check (patent_kind in ('INVENTION', 'UTILITY_MODEL', 'DESIGN')),
    patent_title          text not null default '',
    claims                text not null,
    facts                 text not null,
    requested_orders      text not null default '',
    infringement_region   char(6) not null,
    generic_published_on  date,
    filed_by              bigint not null references account (id),
    filed_at              timestamptz not null,
    received_on           date not null,
    review_extended       boolean not null default false,
    correction_requested_on date,
    correction_due        date,
    correction_items      text,
    docketed_on           date,
    served_on             date,
    answer_received_on    date,
    answer_forwarded_on   date,
    hearing_noticed_on    date,
    hearing_at            timestamp,
    hearing_place         text,
    heard_on              date,
    decided_on            date,
    decision_outcome      text check (decision_outcome in ('INFRINGEMENT', 'NO_INFRINGEMENT')),
    decision_text         text,
    decision_served_on    date,
    published_on          date,
    published_text        text,
    closed_on             date,
    close_reason          text,
    transferred_to        bigint references office (id),
    transferred_from_case bigint references adjudication_case (id),
    simplified_limit_days int,
    handling_officer_id   bigint references account (id),
    -- SHA-256 of the code a served respondent uses to join the case in the portal
    access_code_hash      text,
    version               int not null default 0
);
create index adjudication_case_office_region_idx on adjudication_case (office_region bpchar_pattern_ops);
create index adjudication_case_office_idx on adjudication_case (office_id, status);
create index adjudication_case_filed_by_idx on adjudication_case (filed_by);
create index adjudication_case_patent_idx on adjudication_case (patent_number);

create table case_party (
    id                bigint generated always as identity primary key,
    case_id           bigint not null references adjudication_case (id),
    role              text not null check (role in ('REQUESTER', 'RESPONDENT')),
    position          int not null,
    name              text not null,
    address           text not null,
    credit_code       text,
    domicile_in_china boolean not null default true,
    agent             text,
    account_id        bigint references account (id),
    served_on         date,
    received_on       date,
    unique (case_id, role, position)
);
create index case_party_account_idx on case_party (account_id);
create index case_party_name_idx on case_party (name);

-- What happened, in order: the case's own record, shown on its page (the audit log keeps the signed trail).
create table case_event (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references adjudication_case (id),
    at          timestamptz not null default now(),
    actor       text not null,
    kind        text not null,
    detail      text
);
create index case_event_case_idx on case_event (case_id, id);

-- Time that does not count toward the case time limit (art. 37): suspension, announcement, appraisal,
-- jurisdiction objection, extended evidence period, settlement. An open stop has no end.
create table case_clock_stop (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references adjudication_case (id),
    reason      text not null,
    grounds     text not null,
    started_on  date not null,
    ended_on    date,
    check (ended_on is null or ended_on >= started_on)
);
create unique index case_clock_stop_open_uk on case_clock_stop (case_id) where ended_on is null;

-- Extensions of the case time limit: one month by the office head, two more by the next-higher office.
create table case_extension (
    id                 bigint generated always as identity primary key,
    case_id            bigint not null references adjudication_case (id),
    level              text not null check (level in ('OFFICE_HEAD', 'HIGHER_OFFICE')),
    months             int not null check (months between 1 and 2),
    reasons            text not null,
    requested_by       text not null,
    requested_on       date not null,
    approving_office   bigint not null references office (id),
    approving_region   char(6) not null,
    decided_by         text,
    decided_on         date,
    approved           boolean,
    decision_reasons   text
);
create index case_extension_case_idx on case_extension (case_id);
create index case_extension_pending_idx on case_extension (approving_office) where decided_on is null;

-- Who works on the case: the handling officer or panel members, technical investigators, mediators.
create table case_member (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references adjudication_case (id),
    account_id   bigint not null references account (id),
    display_name text not null,
    role         text not null check (role in ('HANDLING_OFFICER', 'PRESIDING', 'PANEL_MEMBER',
                                              'TECHNICAL_INVESTIGATOR', 'MEDIATOR')),
    assigned_on  date not null,
    removed_on   date,
    removed_reason text
);
create unique index case_member_active_uk on case_member (case_id, account_id) where removed_on is null;

-- Ties an official declares with a party (回避 grounds, art. 5): such a member cannot be assigned.
create table conflict_declaration (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references account (id),
    party_name   text,
    credit_code  text,
    grounds      text not null,
    declared_on  date not null,
    check (party_name is not null or credit_code is not null)
);
create index conflict_declaration_account_idx on conflict_declaration (account_id);

-- A party's application to recuse a member, decided by the office head.
create table case_recusal (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references adjudication_case (id),
    member_id    bigint not null references case_member (id),
    applied_by   text not null,
    grounds      text not null,
    applied_on   date not null,
    decided_by   text,
    decided_on   date,
    granted      boolean
);

-- Files in the case: evidence, the answer, records, opinions. Stored by content (FileStore), never
-- changed: a correction is a new row that supersedes the old one.
create table case_file (
    id            bigint generated always as identity primary key,
    case_id       bigint not null references adjudication_case (id),
    category      text not null check (category in ('EVIDENCE', 'ANSWER', 'CORRECTION', 'HEARING_RECORD',
                                                    'TECHNICAL_OPINION', 'MEDIATION_RECORD', 'MEDIATION_AGREEMENT',
                                                    'PANEL_MINUTES', 'OTHER')),
    submitted_by_role text not null check (submitted_by_role in ('REQUESTER', 'RESPONDENT', 'OFFICE')),
    description   text not null default '',
    file_name     text not null,
    media_type    text not null,
    size_bytes    bigint not null,
    sha256        char(64) not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now(),
    supersedes    bigint references case_file (id),
    served_to_requester  boolean not null default false,
    served_to_respondent boolean not null default false
);
create index case_file_case_idx on case_file (case_id);

-- Official documents generated for the case (PDF), hashed into the audit log, served to parties.
create table case_document (
    id            bigint generated always as identity primary key,
    case_id       bigint not null references adjudication_case (id),
    kind          text not null,
    file_name     text not null,
    sha256        char(64) not null,
    size_bytes    bigint not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    served_to_requester  boolean not null default false,
    served_to_respondent boolean not null default false
);
create index case_document_case_idx on case_document (case_id);

-- Mediation (调解): consents, outcome, and the parties' route to enforceability afterwards.
create table case_mediation (
    id                   bigint generated always as identity primary key,
    case_id              bigint not null references adjudication_case (id),
    started_on           date not null,
    requester_consent    boolean not null,
    respondent_consent   boolean not null,
    ended_on             date,
    outcome              text check (outcome in ('AGREED', 'FAILED')),
    agreement_terms      text,
    signed_by_parties_on date,
    sealed_on            date,
    route                text check (route in ('NONE', 'NOTARISATION', 'JUDICIAL_CONFIRMATION')),
    route_court          text,
    route_filed_on       date,
    route_result         text check (route_result in ('PENDING', 'CONFIRMED', 'REFUSED', 'NOTARISED')),
    route_result_on      date
);
create unique index case_mediation_open_uk on case_mediation (case_id) where ended_on is null;

-- After the decision: compliance, lawsuits, applications for enforcement.
create table case_aftermath (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references adjudication_case (id),
    kind         text not null check (kind in ('COMPLIANCE', 'LAWSUIT', 'ENFORCEMENT_APPLICATION',
                                               'COURT_JUDGMENT')),
    happened_on  date not null,
    by_whom      text not null default '',
    detail       text not null default '',
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index case_aftermath_case_idx on case_aftermath (case_id);

-- Case numbers: one counter per prefix and year (e.g. 浙知裁字〔2026〕12号).
create table case_number_counter (
    prefix  text not null,
    year    int not null,
    last    int not null,
    primary key (prefix, year)
);

-- Local rules: a province's simplified procedure (简易程序, left to the provinces) and its time limit.
create table simplified_procedure (
    province_code     char(2) primary key check (province_code ~ '^[0-9]{2}$'),
    time_limit_days   int not null check (time_limit_days between 10 and 90),
    basis             text not null,
    changed_by        text not null,
    changed_at        timestamptz not null default now()
);

-- Second wall, as for accounts (V7): officials see cases of their jurisdiction, parties their own cases.
alter table adjudication_case enable row level security;
create policy adjudication_case_within_scope on adjudication_case to zhibao_app
    using (
        current_setting('zhibao.scope', true) in ('*', 'national')
        or (current_setting('zhibao.scope', true) ~ '^[0-9]{2,6}$'
            and office_region like current_setting('zhibao.scope', true) || '%')
        or filed_by::text = current_setting('zhibao.account', true)
        or exists (select 1 from case_party p
                   where p.case_id = adjudication_case.id
                     and p.account_id::text = current_setting('zhibao.account', true))
    );
