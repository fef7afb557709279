-- API tokens may have the `metrics` role: a Prometheus scraper's token, which reads /metrics and nothing else.
-- Members keep their four roles (a member signs in to the console; a scraper never does).
alter table api_tokens drop constraint api_tokens_role_check;
alter table api_tokens
  add constraint api_tokens_role_check check (role in ('admin', 'editor', 'read-only', 'app-owner', 'metrics'));
