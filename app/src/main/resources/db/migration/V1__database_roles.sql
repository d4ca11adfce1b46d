-- The application works as zhibao_app: it may read and write its tables, but what this role may not
-- do (rewrite the audit log) it cannot do even if the code asks. Migrations run as the owner.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'zhibao_app') then
        create role zhibao_app nologin;
    end if;
end
$$;

grant zhibao_app to current_user;
grant usage on schema public to zhibao_app;
alter default privileges in schema public grant select, insert, update, delete on tables to zhibao_app;
alter default privileges in schema public grant usage, select on sequences to zhibao_app;
