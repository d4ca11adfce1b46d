-- Idempotency keys of API submissions (Idempotency-Key header): the first request with a key runs and its
-- response is stored in the same transaction as its work; a retry with the key gets that response again.
-- The primary key makes two concurrent first requests queue: the second waits for the first to commit.
create table idempotency_key (
    account_id      bigint       not null,
    idempotency_key varchar(128) not null check (idempotency_key ~ '^[!-~]{1,128}$'),
    request_sha256  char(64)     not null,
    response_status integer,     -- null only inside the transaction that claimed the key
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (account_id, idempotency_key)
);

-- the cleanup deletes keys older than a day
create index idempotency_key_created_at on idempotency_key (created_at);
