-- Shared state that lets several instances serve one province behind a load balancer.

-- HTTP sessions (Spring Session JDBC, schema-postgresql.sql of spring-session-jdbc 4.1)
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Scheduled jobs run once across instances (ShedLock)
create table shedlock (
    name       varchar(64) not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);

-- Events between modules survive a crash (Spring Modulith event publication registry, v2 schema)
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Which secret key this database's encrypted columns belong to: an instance with another key refuses to
-- start instead of failing every login.
create table secret_key_check (
    id          smallint primary key default 1 check (id = 1),
    check_value text not null
);
