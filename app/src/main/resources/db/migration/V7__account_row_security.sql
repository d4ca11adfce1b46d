-- Second wall: the application role sees an account only within the acting official's jurisdiction
-- (or its own account), whatever a query forgets to say. It guards against mistakes in the application's
-- queries; injected SQL could set the scope itself, so it is no defence against injection. The scope is set on every pooled connection (zhibao.scope, zhibao.account).
-- Scopes: '*' the system itself (login, registration, jobs); 'national' the national office, which also
-- sees public and platform accounts; a GB/T 2260 prefix of 2 to 6 digits; anything else - unset, empty,
-- reset, '-' - shows nothing but one's own account.
alter table account enable row level security;

create policy account_within_scope on account to zhibao_app
    using (
        current_setting('zhibao.scope', true) in ('*', 'national')
        or (current_setting('zhibao.scope', true) ~ '^[0-9]{2,6}$'
            and office_region like current_setting('zhibao.scope', true) || '%')
        or id::text = current_setting('zhibao.account', true)
    );
