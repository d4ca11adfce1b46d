-- Second wall: the application role sees an account only within the acting official's jurisdiction
-- (or its own account). The scope is set on every pooled connection (zhibao.scope, zhibao.account);
-- a connection without it sees nothing. '*' is the system itself (login, registration, jobs);
-- '' the national office, which also sees public and platform accounts; '-' no jurisdiction.
alter table account enable row level security;

create policy account_within_scope on account to zhibao_app
    using (
        current_setting('zhibao.scope', true) = '*'
        or (current_setting('zhibao.scope', true) = '' )
        or (current_setting('zhibao.scope', true) not in ('', '-')
            and office_region like current_setting('zhibao.scope', true) || '%')
        or id::text = current_setting('zhibao.account', true)
    );
