-- The audit log (审计日志): append-only, each entry chained into an RFC 6962 Merkle tree.
-- Two walls keep it append-only: the application role may not UPDATE, DELETE or TRUNCATE it, and a trigger
-- refuses those statements for everyone, the owner included, unless the owner disables it on purpose.
-- Nothing is ever deleted: entries are kept far longer than the 184 days (six months) required.

create table audit_entry (
    seq            bigint primary key,
    recorded_at    timestamptz not null,
    username       text not null,
    office_id      bigint,
    office_region  char(6),
    action         text not null,
    object         text not null,
    result         text not null,
    client_address text not null,
    detail         jsonb,
    leaf_hash      bytea not null check (octet_length(leaf_hash) = 32),
    tree_root      bytea not null check (octet_length(tree_root) = 32),
    -- HMAC of (seq, tree_root) under the installation's secret key, which the database does not hold:
    -- whoever can write here still cannot recompute a history that verifies
    root_signature text not null
);
create index audit_entry_recorded_at_idx on audit_entry (recorded_at);
create index audit_entry_office_region_idx on audit_entry (office_region, recorded_at);
create index audit_entry_username_idx on audit_entry (username, recorded_at);

-- The head of the log: its size and compact range (the O(log n) subtree roots from which the next root
-- is computed). One row, locked FOR UPDATE by every append: this serialises appenders across instances and
-- hands out seq without gaps (a rollback undoes the increment, unlike a sequence).
create table audit_head (
    singleton     boolean primary key default true check (singleton),
    tree_size     bigint not null check (tree_size >= 0),
    compact_range bytea not null
);
insert into audit_head (singleton, tree_size, compact_range) values (true, 0, ''::bytea);

-- Signed-off sizes and roots, written every few minutes: a log cut short below a checkpoint is detected.
create table audit_checkpoint (
    tree_size  bigint primary key check (tree_size > 0),
    root       bytea not null check (octet_length(root) = 32),
    signature  text not null,
    created_at timestamptz not null default now()
);

create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only
    before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();

revoke update, delete, truncate on audit_entry from zhibao_app;
revoke update, delete, truncate on audit_checkpoint from zhibao_app;
-- the head is rewritten on every append; tampering with it only makes later roots fail verification
revoke delete, truncate on audit_head from zhibao_app;
