-- Single sign-on binds a member to the provider's subject at their first sign-in: later sign-ins must
-- come from the same issuer and subject, so a provider account that later claims the same email (a
-- renamed or recycled address) cannot take the member over.
alter table admin_members add column oidc_issuer text;
alter table admin_members add column oidc_subject text;
create unique index admin_members_oidc_subject_key on admin_members (oidc_issuer, oidc_subject)
  where oidc_subject is not null;

-- Who created a token, as a member: disabling that member revokes the tokens they created.
alter table api_tokens add column created_by_member_id bigint references admin_members (id);
update api_tokens t set created_by_member_id = m.id
  from admin_members m where t.created_by = 'member:' || m.email;
create index api_tokens_created_by_member_idx on api_tokens (created_by_member_id)
  where revoked_at is null;

-- A push token may only push snapshots into one app's custom integration, and always expires.
alter table api_tokens add column push_app_id bigint references apps (id) on delete cascade;
alter table api_tokens add constraint api_tokens_push_expires check (push_app_id is null or expires_at is not null);

-- The job worker deletes sign-in rows that can no longer be used.
create index sessions_expires_at_idx on sessions (expires_at);
create index one_time_tokens_expires_at_idx on one_time_tokens (expires_at);
create index oidc_logins_created_at_idx on oidc_logins (created_at);
create index rate_limits_window_started_at_idx on rate_limits (window_started_at);
