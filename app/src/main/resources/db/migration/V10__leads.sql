-- The precise management list (精准管理名单): screening batches run in the background, their findings, and the
-- leads (线索) officers verify. A batch moves through phases that are each committed, so a run that fails or is
-- interrupted resumes where it stopped: the input is stored before the upload is acknowledged; findings and
-- the filings they name are saved in one transaction; leads are made from findings in chunks, each chunk
-- marking its findings as done in the same transaction.
create table screening_batch (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('PATENTS', 'TRADEMARKS')),
    origin           text        not null check (origin in ('UPLOAD', 'INBOX')),
    file_name        text        not null,
    input_sha256     char(64)    not null,
    known_sha256     char(64),   -- trademarks: the known marks they were screened against
    lines            bigint      not null check (lines >= 0),
    office_id        bigint      not null references office (id),
    office_region    char(6)     not null,
    created_by       bigint      not null,
    created_by_name  text        not null,
    created_at       timestamptz not null default now(),
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'CANCELLED', 'FAILED', 'DONE')),
    phase            text        not null check (phase in ('SCREEN', 'LEADS', 'DONE')),
    stage            text,
    records_done     bigint      not null default 0,
    cancel_requested boolean     not null default false,
    attempts         int         not null default 0,
    failure          text,
    bad_lines        jsonb       not null default '[]',  -- the first 1,000 unreadable lines: {line, reason}
    bad_line_count   int         not null default 0,
    findings         int         not null default 0,
    leads            int         not null default 0,
    started_at       timestamptz,
    finished_at      timestamptz
);
create index screening_batch_scope on screening_batch (office_region, created_at desc);
-- the same inbox file is screened once
create unique index screening_batch_inbox_once on screening_batch (file_name, input_sha256) where origin = 'INBOX';

-- The register of known marks (registered and well-known marks) trademark batches are screened against.
create table known_mark_list (
    id            bigint generated always as identity primary key,
    sha256        char(64)    not null,
    file_name     text        not null,
    marks         bigint      not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default now()
);

create table screening_finding (
    id          bigint generated always as identity primary key,
    batch_id    bigint   not null references screening_batch (id),
    seq         int      not null,
    rule        text     not null,
    subjects    text[]   not null,
    score       numeric(5, 4) not null,
    evidence    jsonb    not null,
    lead_id     bigint,  -- set in the transaction that made the lead
    unique (batch_id, seq)
);
create index screening_finding_pending on screening_finding (batch_id, seq) where lead_id is null;

-- The filings a batch's findings name, kept whole so the lead page can show their texts side by side.
create table screened_filing (
    batch_id        bigint not null references screening_batch (id),
    application_no  text   not null,
    record          jsonb  not null,
    primary key (batch_id, application_no)
);

-- Reports from the public (举报) about a filing.
create table filing_report (
    id               bigint generated always as identity primary key,
    reported_by      bigint      not null,
    reporter_name    text        not null,
    filing_kind      text        not null check (filing_kind in ('PATENT', 'TRADEMARK')),
    application_no   text        not null,
    rule             text        not null,
    applicant_name   text        not null,
    applicant_code   text,
    applicant_address text,
    description      text        not null,
    created_at       timestamptz not null default now()
);

create table lead (
    id                 bigint generated always as identity primary key,
    source             text        not null check (source in ('SCREENING', 'REPORT')),
    batch_id           bigint      references screening_batch (id),
    finding_id         bigint      unique references screening_finding (id),
    report_id          bigint      unique references filing_report (id),
    rule               text        not null,
    score              numeric(5, 4),
    subjects           text[]      not null,
    evidence           jsonb       not null default '{}',
    applicant_name     text        not null,
    applicant_code     text,
    agency             text,
    region_code        char(6)     not null,   -- the applicant's region (credit code, else address)
    office_id          bigint      not null references office (id),
    office_region      char(6)     not null,
    status             text        not null check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    handed_down_by     bigint      references office (id),
    handed_down_at     timestamptz,
    due_on             date,
    hand_down_note     text,
    decided_by         text,
    decided_at         timestamptz,
    reasons            text,
    basis              text,
    reported_by        bigint,
    created_at         timestamptz not null default now(),
    check ((source = 'SCREENING') = (finding_id is not null)),
    check ((source = 'REPORT') = (report_id is not null))
);
create index lead_scope on lead (office_region, status, created_at desc);
create index lead_batch on lead (batch_id);
create index lead_applicant on lead (applicant_name);

create table lead_event (
    id          bigint generated always as identity primary key,
    lead_id     bigint      not null references lead (id),
    at          timestamptz not null default now(),
    actor       text        not null,
    office_id   bigint      references office (id),
    action      text        not null,
    note        text
);
create index lead_event_lead on lead_event (lead_id, id);

-- Second wall: officials see leads assigned within their jurisdiction; a reporter sees the leads of their
-- reports.
alter table lead enable row level security;
create policy lead_within_scope on lead to zhibao_app
    using (
        current_setting('zhibao.scope', true) in ('*', 'national')
        or (current_setting('zhibao.scope', true) ~ '^[0-9]{2,6}$'
            and office_region like current_setting('zhibao.scope', true) || '%')
        or reported_by::text = current_setting('zhibao.account', true)
    );
