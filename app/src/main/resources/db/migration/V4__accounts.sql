-- Accounts of officials, public users and platforms; their roles, API tokens and the security policy.

create table account (
    id                  bigint generated always as identity primary key,
    username            text not null,
    display_name        text not null,
    email               text,
    phone               text,
    party_type          text check (party_type in ('INDIVIDUAL', 'ORGANIZATION', 'AGENCY')),
    password_hash       text not null,
    password_changed_at timestamptz not null default now(),
    -- set by an administrator (initial or reset password): the holder must choose their own at next login
    password_must_change boolean not null default false,
    office_id           bigint references office (id),
    -- the office's region, copied when the account is made (an office never moves): scopes queries
    office_region       text check (office_region ~ '^[0-9]{6}$'),
    -- AES-256-GCM under the installation's secret key (kept outside the database), never in clear
    totp_secret         text,
    totp_enabled        boolean not null default false,
    totp_last_step      bigint,
    failed_attempts     int not null default 0,
    locked_until        timestamptz,
    enabled             boolean not null default true,
    created_at          timestamptz not null default now()
);
create unique index account_username_uk on account (lower(username));
create unique index account_email_uk on account (lower(email)) where email is not null;
create unique index account_phone_uk on account (phone) where phone is not null;
create index account_office_idx on account (office_id);
create index account_office_region_idx on account (office_region text_pattern_ops);

create table account_role (
    account_id bigint not null references account (id) on delete cascade,
    role       text not null,
    primary key (account_id, role)
);

-- Bearer tokens for agents' and platforms' systems: only a SHA-256 of the token is kept.
create table api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references account (id) on delete cascade,
    name         text not null,
    token_hash   text not null unique,
    token_prefix text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id);

-- One row: the rules the security administrator sets.
create table security_policy (
    id                   smallint primary key default 1 check (id = 1),
    max_failed_attempts  int not null check (max_failed_attempts between 3 and 10),
    lock_minutes         int not null check (lock_minutes between 5 and 1440),
    idle_timeout_minutes int not null check (idle_timeout_minutes between 5 and 30),
    password_min_length  int not null check (password_min_length between 8 and 64),
    changed_by           text,
    changed_at           timestamptz not null default now()
);
insert into security_policy (max_failed_attempts, lock_minutes, idle_timeout_minutes, password_min_length)
values (5, 15, 30, 10);

