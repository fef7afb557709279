-- Local accounts for installs without SSO: an argon2id password per admin member, set through a
-- one-time link (never a default), and a lockout after repeated failures.
alter table admin_members add column password_hash text;
alter table admin_members add column failed_sign_ins integer not null default 0;
alter table admin_members add column locked_until timestamptz;

alter table one_time_tokens drop constraint one_time_tokens_purpose_check;
alter table one_time_tokens add constraint one_time_tokens_purpose_check check (purpose in ('setup', 'sign_in', 'password'));
